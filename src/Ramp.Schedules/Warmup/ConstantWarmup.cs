using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Warmup;

/// <summary>
/// Constant warmup: <c>f(t) = factor</c> for <c>t &lt; W</c>, then 1 (PyTorch's ConstantLR shape);
/// text <c>constant_warmup(W, factor=0.1)</c>.
/// </summary>
/// <param name="Steps">Number of steps W held at <paramref name="Factor"/>, at least 1.</param>
/// <param name="Factor">The reduced factor, in [0, 1]; default 0.1.</param>
public sealed record ConstantWarmup(long Steps, double Factor = 0.1) : Schedule
{
    internal const string Name = "constant_warmup";

    /// <summary>Number of steps held at <see cref="Factor"/>, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>The reduced factor, in [0, 1].</summary>
    public double Factor { get; } = Check.Within(Factor, 0, 1, true, nameof(Factor), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) => step < Steps ? Factor : 1.0;

    /// <summary>The native text, e.g. <c>constant_warmup(100, factor=0.25)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
