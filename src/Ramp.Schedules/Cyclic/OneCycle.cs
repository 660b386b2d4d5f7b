using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Cyclic;

/// <summary>
/// One-cycle (Smith 2018) as factors of the peak learning rate. With N steps, <c>a = pct * N - 1</c>:
/// two-phase: <c>1/div</c> rises to 1 at step a, then falls to <c>1/(div * final_div)</c> at step N - 1;
/// three-phase: rises to 1 at a, falls back to <c>1/div</c> at <c>2a</c>, then to <c>1/(div * final_div)</c> at N - 1.
/// Within a phase from step s to e, <c>p = (t - s) / (e - s)</c> and the value moves by <paramref name="Anneal"/>.
/// Momentum moves inversely (max to min while the rate rises; held at max in the third phase). Clamped after N - 1.
/// Text <c>onecycle(N, pct=0.3, div=25, final_div=10000, three_phase=false, anneal=cosine, ...)</c>.
/// </summary>
/// <param name="Steps">Total steps N, at least 2.</param>
/// <param name="Pct">Fraction of N spent rising, in (0, 1) (below 0.5 with three phases); default 0.3.</param>
/// <param name="Div">Peak / initial factor, at least 1; default 25.</param>
/// <param name="FinalDiv">Initial / final factor, at least 1; default 10000.</param>
/// <param name="ThreePhase">Whether to use the paper's three phases; default false (fastai/PyTorch two phases).</param>
/// <param name="Anneal">Interpolation within a phase; default cosine.</param>
/// <param name="CycleMomentum">Whether momentum is scheduled; default true.</param>
/// <param name="MinMomentum">Momentum at the peak rate, in [0, 1]; default 0.85.</param>
/// <param name="MaxMomentum">Momentum at the low rates, in [0, 1]; default 0.95.</param>
public sealed record OneCycle(long Steps, double Pct = 0.3, double Div = 25, double FinalDiv = 1e4, bool ThreePhase = false,
    InterpolationKind Anneal = InterpolationKind.Cosine, bool CycleMomentum = true, double MinMomentum = 0.85,
    double MaxMomentum = 0.95) : Schedule, ICyclesMomentum
{
    internal const string Name = "onecycle";

    /// <summary>Total steps N, at least 2.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 2, nameof(Steps), Name);

    /// <summary>Fraction of N spent rising.</summary>
    public double Pct { get; } = Check.Open(Pct, 0, ThreePhase ? 0.5 : 1, nameof(Pct), Name);

    /// <summary>Peak / initial factor, at least 1.</summary>
    public double Div { get; } = Check.Within(Div, 1, double.MaxValue, true, nameof(Div), Name);

    /// <summary>Initial / final factor, at least 1.</summary>
    public double FinalDiv { get; } = Check.Within(FinalDiv, 1, double.MaxValue, true, nameof(FinalDiv), Name);

    /// <summary>Whether the paper's three phases are used.</summary>
    public bool ThreePhase { get; } = ThreePhase;

    /// <summary>Interpolation within a phase.</summary>
    public InterpolationKind Anneal { get; } = Enum.IsDefined(Anneal) ? Anneal
        : throw Check.Range(nameof(Anneal), Anneal, $"onecycle: anneal must be linear or cosine but was {(int)Anneal}");

    /// <inheritdoc />
    public bool CycleMomentum { get; } = CycleMomentum;

    /// <summary>Momentum at the peak rate.</summary>
    public double MinMomentum { get; } = Check.Within(MinMomentum, 0, 1, true, nameof(MinMomentum), Name);

    /// <summary>Momentum at the low rates.</summary>
    public double MaxMomentum { get; } = Check.Within(MaxMomentum, 0, 1, true, nameof(MaxMomentum), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var initial = 1.0 / Div;
        var final = initial / FinalDiv;
        var (phase, p) = Locate(step);
        return phase switch
        {
            0 => Move(initial, 1.0, p),
            1 => Move(1.0, ThreePhase ? initial : final, p),
            _ => Move(initial, final, p),
        };
    }

    /// <inheritdoc />
    public double MomentumAt(long step)
    {
        var (phase, p) = Locate(step);
        return phase switch
        {
            0 => Move(MaxMomentum, MinMomentum, p),
            1 => Move(MinMomentum, MaxMomentum, p),
            _ => MaxMomentum,
        };
    }

    private double Move(double from, double to, double p) => PiecewiseInterpolated.Interpolate(Anneal, from, to, p);

    private (int Phase, double P) Locate(long step)
    {
        var t = Check.Step(step);
        var last = Steps - 1.0;
        var rise = Pct * Steps - 1.0;
        if (t <= rise) return (0, Fraction(t, 0, rise));
        if (!ThreePhase) return (1, Fraction(t, rise, last));
        var fall = 2.0 * Pct * Steps - 2.0;
        return t <= fall ? (1, Fraction(t, rise, fall)) : (2, Fraction(t, fall, last));
    }

    private static double Fraction(double t, double start, double end) =>
        end <= start ? 1.0 : Math.Min(1.0, (t - start) / (end - start));

    /// <summary>The native text, e.g. <c>onecycle(1000, pct=0.25)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
