using Ramp.Schedules;
using Ramp.Schedules.Plateau;

namespace Ramp.Training.Tests.Binding;

/// <summary>A warmup-then-linear-decay factor, defined here so the binder tests need no schedule library.</summary>
internal sealed record WarmupDecay(long Warmup, long Total, double Floor) : Schedule
{
    public override double ValueAt(long step)
    {
        var t = Math.Max(step, 0);
        if (t < Warmup) return (t + 1.0) / Warmup;
        return Math.Max(Floor, 1 - (1 - Floor) * (t - Warmup) / (double)(Total - Warmup));
    }
}

/// <summary>A triangle between Low and High with the given half period: a cyclic momentum schedule.</summary>
internal sealed record Triangle(double Low, double High, long HalfPeriod) : Schedule
{
    public override double ValueAt(long step)
    {
        var phase = Math.Max(step, 0) % (2 * HalfPeriod);
        var up = phase <= HalfPeriod ? phase : 2 * HalfPeriod - phase;
        return High - (High - Low) * up / HalfPeriod;
    }
}

/// <summary>Halves every group's factor after Patience observations without improvement (mode min).</summary>
internal sealed record HalvingPlateau(int Patience) : PlateauRule
{
    public override PlateauState Start(IReadOnlyList<double> baseLrs) =>
        new(baseLrs.Select(_ => 1.0).ToArray(), double.PositiveInfinity, 0, 0, 0);

    public override PlateauState Observe(PlateauState state, double metric)
    {
        if (metric < state.Best) return state with { Best = metric, BadEpochs = 0, Observed = state.Observed + 1 };
        var bad = state.BadEpochs + 1;
        if (bad <= Patience) return state with { BadEpochs = bad, Observed = state.Observed + 1 };
        return state with
        {
            Factors = state.Factors.Select(f => f * 0.5).ToArray(),
            BadEpochs = 0,
            Observed = state.Observed + 1,
        };
    }
}
