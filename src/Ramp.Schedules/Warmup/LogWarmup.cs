using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Warmup;

/// <summary>
/// Log-shaped warmup (DeepSpeed's front-loaded ramp): <c>f(t) = start + (1 - start) * min(1, ln(t + 2) / ln(W + 1))</c>;
/// text <c>log_warmup(W, start=0)</c>.
/// </summary>
/// <remarks>
/// DeepSpeed's WarmupLR uses <c>ln(t + 1) / ln(W)</c>, whose step 0 is 0 (a wasted step). Ramp evaluates the same
/// curve one step later, so step 0 is <c>ln 2 / ln(W + 1)</c> and the peak 1 is reached at step W - 1, the same
/// convention as <see cref="LinearWarmup"/>.
/// </remarks>
/// <param name="Steps">Warmup length W, at least 1.</param>
/// <param name="Start">Factor the ramp starts from, in [0, 1]; default 0.</param>
public sealed record LogWarmup(long Steps, double Start = 0) : Schedule
{
    internal const string Name = "log_warmup";

    /// <summary>Warmup length W, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Factor the ramp starts from, in [0, 1].</summary>
    public double Start { get; } = Check.Within(Start, 0, 1, true, nameof(Start), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var x = Check.Step(step) + 1.0;
        if (x >= Steps) return 1.0;
        return Start + (1.0 - Start) * (Math.Log(x + 1.0) / Math.Log(Steps + 1.0));
    }

    /// <summary>The native text, e.g. <c>log_warmup(100)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
