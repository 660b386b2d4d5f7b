using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Multi-step decay: <c>f(t) = gamma ^ n</c> with n the number of milestones at or before t (a repeated milestone
/// counts twice); text <c>multistep([30, 60, 90], gamma=0.1)</c>.
/// </summary>
/// <param name="At">Milestones, non-negative and non-decreasing, at least one.</param>
/// <param name="Gamma">Multiplier applied at each milestone, above 0; default 0.1.</param>
public sealed record MultiStepDecay(EquatableArray<long> At, double Gamma = 0.1) : Schedule
{
    internal const string Name = "multistep";

    /// <summary>Milestones, non-negative and non-decreasing.</summary>
    public EquatableArray<long> At { get; } = Check.Steps(At, strict: false, 1, nameof(At), Name);

    /// <summary>Multiplier applied at each milestone, above 0.</summary>
    public double Gamma { get; } = Check.Positive(Gamma, nameof(Gamma), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var passed = 0;
        foreach (var milestone in At.AsSpan())
        {
            if (milestone > step) break;
            passed++;
        }
        return passed == 0 ? 1.0 : Math.Pow(Gamma, passed);
    }

    /// <summary>The native text, e.g. <c>multistep([30, 60])</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
