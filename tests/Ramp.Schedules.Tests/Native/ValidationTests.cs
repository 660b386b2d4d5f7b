using Ramp.Schedules.Composition;
using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Tests.Native;

public class ValidationTests
{
    public static TheoryData<Func<object>, string, string> OutOfRange => new()
    {
        { () => new LinearWarmup(0), "Steps", "warmup: steps must be at least 1 but was 0" },
        { () => new LinearWarmup(10, 1.5), "Start", "warmup: start must be in [0, 1] but was 1.5" },
        { () => new AdamLinearWarmup(1), "Beta2", "adam_warmup: beta2 must be in (0, 1) but was 1" },
        { () => new CosineDecay(100, Floor: -0.1), "Floor", "cosine: floor must be in [0, 1] but was -0.1" },
        { () => new CosineDecay(100, Waves: 0), "Waves", "cosine: waves must be in (0, inf) but was 0" },
        { () => new StepDecay(10, double.NaN), "Gamma", "step: gamma must be in (0, inf) but was NaN" },
        { () => new CosineRestarts(10, Mult: 0), "Mult", "cosine_restarts: mult must be at least 1 but was 0" },
        { () => new TanhDecay(10, 3, 3), "Upper", "tanh: upper must be above lower (3) but was 3" },
        { () => new OneCycle(100, Pct: 0.6, ThreePhase: true), "Pct", "onecycle: pct must be in (0, 0.5) but was 0.6" },
        { () => new CyclicSchedule(10, Gamma: 2), "Gamma", "cyclic: gamma must be in (0, 1] but was 2" },
        { () => new MultiStepDecay(new long[] { 20, 10 }), "At", "multistep: at must be increasing but at[1] = 10 follows 20" },
        { () => new ExponentialDecay(10, 0.5, Delay: -1), "Delay", "exp_decay: delay must be at least 0 but was -1" },
        { () => new PerEpoch(0, new Constant()), "Steps", "per_epoch: steps must be at least 1 but was 0" },
        { () => Presets.WarmupCosine(2000, 1000), "warmup", "cosine: warmup must be in [1, total) but was 2000 (total = 1000)" },
        { () => WarmupRatio.Steps(1.5, 100), "ratio", "warmup ratio: ratio must be in (0, 1) but was 1.5" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Out_of_range_parameters_are_rejected_at_construction(Func<object> build, string parameter, string message)
    {
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(build);
        Assert.Equal(parameter, e.ParamName);
        Assert.IsType<ScheduleArgumentException>(e);
        Assert.Equal(message, e.Message); // the message as the check wrote it, no .NET suffix
    }

    public static TheoryData<Func<object>, string, string> BadShape => new()
    {
        { () => new PiecewiseConstant(new[] { 1.0, 0.5 }, new long[] { 10, 20 }), "At",
            "piecewise: at must hold one boundary fewer than values (1) but held 2" },
        { () => new Join(new Schedule[] { new Constant() }, new long[0]), "Pieces", "join: needs at least 2 pieces but had 1" },
        { () => new Product(new Schedule[] { new Constant() }), "Factors", "product: needs at least 2 schedules but had 1" },
        { () => Join.Sequence(new StepDecay(10), new Constant()), "pieces",
            "join: piece 1 (step(10)) has no length, so the next piece cannot follow it" },
        { () => new MomentumSchedule(new Constant()), "Source", "momentum: source must be onecycle or cyclic but was constant()" },
    };

    [Theory]
    [MemberData(nameof(BadShape))]
    public void Inconsistent_lists_are_rejected_at_construction(Func<object> build, string parameter, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(build);
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Evaluation_allocates_nothing()
    {
        var warmupCosine = Presets.WarmupCosine(100, 1000, 0.1);
        var deep = Join.Sequence(new LinearWarmup(10), Join.Sequence(new ConstantWarmup(5), Join.Sequence(new CosineDecay(20),
            new InverseSqrtDecay(5))));
        var onecycle = new OneCycle(1000);
        var sum = warmupCosine.ValueAt(1) + deep.ValueAt(1) + onecycle.ValueAt(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var t = 0L; t < 10_000; t++) sum += warmupCosine.ValueAt(t) + deep.ValueAt(t) + onecycle.MomentumAt(t);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }
}
