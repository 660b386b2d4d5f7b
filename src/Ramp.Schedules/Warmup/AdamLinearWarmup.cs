using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Warmup;

/// <summary>
/// The untuned linear warmup of Ma &amp; Yarats (2019), derived from Adam's beta2:
/// <c>f(t) = min(1, (1 - beta2) / 2 * (t + 1))</c>, i.e. linear over <c>2 / (1 - beta2)</c> steps;
/// text <c>adam_warmup(beta2=0.999)</c>.
/// </summary>
/// <remarks>
/// The period is used as a real number (beta2 = 0.999 gives 2000 steps; pytorch_warmup truncates to 1999).
/// Step 0 is <c>(1 - beta2) / 2</c>, never 0.
/// </remarks>
/// <param name="Beta2">Adam's second-moment decay, in (0, 1); default 0.999.</param>
public sealed record AdamLinearWarmup(double Beta2 = 0.999) : Schedule
{
    internal const string Name = "adam_warmup";

    /// <summary>Adam's second-moment decay, in (0, 1).</summary>
    public double Beta2 { get; } = Check.Open(Beta2, 0, 1, nameof(Beta2), Name);

    /// <summary>The first step at which the factor is 1, plus one: the join length <c>ceil(2 / (1 - beta2))</c>.</summary>
    public long Steps => (long)Math.Ceiling(2.0 / (1.0 - Beta2) - 1e-9);

    /// <inheritdoc />
    public override double ValueAt(long step) => Math.Min(1.0, (1.0 - Beta2) / 2.0 * (Check.Step(step) + 1.0));

    /// <summary>The native text, e.g. <c>adam_warmup(beta2=0.98)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
