using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Warmup;

/// <summary>
/// The untuned exponential warmup of Ma &amp; Yarats (2019): time constant <c>tau = 1 / (1 - beta2)</c>,
/// <c>f(t) = 1 - exp(-(1 - beta2) * (t + 1))</c>; text <c>adam_exp_warmup(beta2=0.999)</c>.
/// </summary>
/// <remarks>Asymptotic (no length): use it as a dampening factor, <c>cosine(10000) * adam_exp_warmup()</c>.</remarks>
/// <param name="Beta2">Adam's second-moment decay, in (0, 1); default 0.999.</param>
public sealed record AdamExponentialWarmup(double Beta2 = 0.999) : Schedule
{
    internal const string Name = "adam_exp_warmup";

    /// <summary>Adam's second-moment decay, in (0, 1).</summary>
    public double Beta2 { get; } = Check.Open(Beta2, 0, 1, nameof(Beta2), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) => 1.0 - Math.Exp(-(1.0 - Beta2) * (Check.Step(step) + 1.0));

    /// <summary>The native text, e.g. <c>adam_exp_warmup()</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
