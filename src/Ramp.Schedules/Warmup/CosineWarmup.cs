using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Warmup;

/// <summary>
/// Cosine-shaped warmup: <c>f(t) = start + (1 - start) * (1 - cos(pi * min(1, (t + 1) / W))) / 2</c>;
/// text <c>cosine_warmup(W, start=0)</c>.
/// </summary>
/// <remarks>Same indexing as <see cref="LinearWarmup"/>: step 0 is non-zero, the peak 1 is reached at step W - 1.</remarks>
/// <param name="Steps">Warmup length W, at least 1.</param>
/// <param name="Start">Factor the ramp starts from, in [0, 1]; default 0.</param>
public sealed record CosineWarmup(long Steps, double Start = 0) : Schedule
{
    internal const string Name = "cosine_warmup";

    /// <summary>Warmup length W, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Factor the ramp starts from, in [0, 1].</summary>
    public double Start { get; } = Check.Within(Start, 0, 1, true, nameof(Start), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var x = Check.Step(step) + 1.0;
        if (x >= Steps) return 1.0;
        return Start + (1.0 - Start) * 0.5 * (1.0 - Math.Cos(Math.PI * x / Steps));
    }

    /// <summary>The native text, e.g. <c>cosine_warmup(100)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
