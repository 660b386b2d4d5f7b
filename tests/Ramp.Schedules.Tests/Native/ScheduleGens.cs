using CsCheck;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Tests.Native;

/// <summary>Generators of every native schedule family, and of nested compositions of them.</summary>
internal static class ScheduleGens
{
    private static readonly Gen<long> Steps = Gen.OneOf(Gen.Long[1, 100], Gen.Long[1, 1_000_000_000_000]);
    private static readonly Gen<double> Unit = Gen.Double[0, 1];
    private static readonly Gen<double> Open = Gen.Double[0.001, 0.999];
    private static readonly Gen<double> Positive = Gen.Double[0.01, 10];
    private static readonly Gen<long[]> Increasing = Gen.Long[1, 1000].Array[1, 4].Select(gaps =>
    {
        var at = new long[gaps.Length];
        long sum = 0;
        for (var i = 0; i < gaps.Length; i++) at[i] = sum += gaps[i];
        return at;
    });

    public static readonly Gen<Schedule> Leaf = Gen.OneOf(
        Gen.Select(Steps, Unit, (w, s) => (Schedule)new LinearWarmup(w, s)),
        Gen.Select(Steps, Unit, (w, s) => (Schedule)new CosineWarmup(w, s)),
        Gen.Select(Steps, Unit, (w, s) => (Schedule)new ExponentialWarmup(w, s)),
        Gen.Select(Steps, Unit, (w, s) => (Schedule)new ConstantWarmup(w, s)),
        Gen.Select(Steps, Unit, (w, s) => (Schedule)new LogWarmup(w, s)),
        Open.Select(b => (Schedule)new AdamLinearWarmup(b)),
        Open.Select(b => (Schedule)new AdamExponentialWarmup(b)),
        Positive.Select(v => (Schedule)new Constant(v)),
        Gen.Select(Steps, Positive, (n, g) => (Schedule)new StepDecay(n, g)),
        Gen.Select(Increasing, Positive, (at, g) => (Schedule)new MultiStepDecay(at, g)),
        Gen.Select(Steps, Positive, Gen.Bool, Gen.Long[0, 100], Gen.Double[0, 1].Nullable(),
            (n, r, s, d, e) => (Schedule)new ExponentialDecay(n, r, s, d, e)),
        Gen.Select(Steps, Positive, Gen.Bool, (n, r, s) => (Schedule)new InverseTimeDecay(n, r, s)),
        Gen.Select(Steps, Positive, Unit, (n, p, e) => (Schedule)new PolynomialDecay(n, p, e)),
        Gen.Select(Steps, Positive, (n, e) => (Schedule)new LinearDecay(n, e)),
        Gen.Select(Steps, Unit, Positive, Positive, Positive, (n, f, e, w, k) => (Schedule)new CosineDecay(n, f, e, w, k)),
        Gen.Select(Steps, Gen.Long[1, 3], Positive, Gen.Long[0, 5], Unit, (p, m, d, c, f) => (Schedule)new CosineRestarts(p, m, d, c, f)),
        Gen.Select(Steps, Gen.Double[-10, 0], Gen.Double[0.1, 10], Unit, (n, lo, hi, f) => (Schedule)new TanhDecay(n, lo, hi, f)),
        Steps.Select(n => (Schedule)new InverseSqrtDecay(n)),
        Gen.Select(Gen.Long[0, 1000], Steps, Gen.Enum<DecayShape>(), Unit, Steps, (s, d, sh, f, h) =>
            (Schedule)new WarmupStableDecay(s, d, sh, f, sh == DecayShape.Exp ? h : null)),
        Gen.Select(Positive, Gen.Double[-2, 0], Gen.Long[0, 100], Gen.Long[0, 100], Gen.Long[1, 1000], Gen.Enum<DecayShape>(), Steps,
            (a, b, w, d, tokens, sh, h) => (Schedule)new PowerScheduler(a, b, w, d, d > 0 ? w + d + 7 : 0, tokens, sh,
                sh == DecayShape.Exp ? h : null)),
        Increasing.SelectMany(at => Unit.Array[at.Length + 1].Select(v => (Schedule)new PiecewiseConstant(v, at))),
        Increasing.SelectMany(at => Unit.Array[at.Length + 1].Select(v =>
            (Schedule)new PiecewiseInterpolated(v, new long[] { 0 }.Concat(at).ToArray(), InterpolationKind.Cosine))),
        Gen.Select(Gen.Long[2, 100_000], Gen.Double[0.01, 0.49], Gen.Double[1, 100], Gen.Bool, Gen.Enum<InterpolationKind>(),
            (n, p, d, three, a) => (Schedule)new OneCycle(n, p, d, d * 10, three, a, !three, 0.8, 0.9)),
        Gen.Select(Steps, Gen.Long[1, 100].Nullable(), Unit, Gen.Enum<CyclicMode>(), Gen.Double[0.5, 1],
            (u, d, lo, m, g) => (Schedule)new CyclicSchedule(u, d, lo, 1, m, g)));

    /// <summary>Leaves and compositions nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<Schedule> Nested(int depth)
    {
        if (depth == 0) return Leaf;
        var inner = Nested(depth - 1);
        return Gen.Frequency(
            (4, Leaf),
            (1, inner.Array[2, 3].Select(p => (Schedule)new Product(p))),
            (1, Gen.Select(Gen.Double[-5, 5], inner, (s, i) => (Schedule)new Scaled(s, i))),
            (1, Gen.Select(Gen.Long[1, 1000], inner, (n, i) => (Schedule)new PerEpoch(n, i))),
            (1, Gen.Select(inner.Array[2, 4], Increasing, (p, at) => (Schedule)new Join(p[..Math.Min(p.Length, at.Length + 1)],
                at[..(Math.Min(p.Length, at.Length + 1) - 1)]))),
            (1, Gen.Select(Gen.Long[1, 1000], inner, (w, i) => (Schedule)Join.Sequence(new LinearWarmup(w), i))),
            (1, Gen.Select(Gen.Long[2, 1000], Gen.Bool, (n, cyc) => cyc
                ? (Schedule)new MomentumSchedule(new CyclicSchedule(n))
                : new MomentumSchedule(new OneCycle(n)))));
    }
}
