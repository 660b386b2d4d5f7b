using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Warmup;

/// <summary>
/// Exponential warmup (pytorch_warmup's shape): <c>f(t) = start + (1 - start) * (1 - exp(-(t + 1) / tau))</c>;
/// text <c>exp_warmup(tau, start=0)</c>.
/// </summary>
/// <remarks>
/// Asymptotic: it approaches 1 but never reaches it, so it has no length and cannot be followed with
/// <c>&gt;&gt;</c>; use it as a dampening factor, <c>cosine(1000) * exp_warmup(100)</c>.
/// </remarks>
/// <param name="Steps">Time constant tau in steps, at least 1.</param>
/// <param name="Start">Factor the ramp starts from, in [0, 1]; default 0.</param>
public sealed record ExponentialWarmup(long Steps, double Start = 0) : Schedule
{
    internal const string Name = "exp_warmup";

    /// <summary>Time constant tau in steps, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Factor the ramp starts from, in [0, 1].</summary>
    public double Start { get; } = Check.Within(Start, 0, 1, true, nameof(Start), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) =>
        Start + (1.0 - Start) * (1.0 - Math.Exp(-(Check.Step(step) + 1.0) / Steps));

    /// <summary>The native text, e.g. <c>exp_warmup(100)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
