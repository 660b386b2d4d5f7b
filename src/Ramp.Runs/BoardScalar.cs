namespace Ramp.Runs;

/// <summary>One scalar point of a TensorBoard event file: a tag's value at a step.</summary>
/// <param name="Tag">The chart's name, e.g. <c>loss</c>, <c>lr/0</c> or <c>eval_loss</c>.</param>
/// <param name="Step">The event's step (<c>global_step</c>).</param>
/// <param name="Value">The value, as stored: a 32-bit float.</param>
/// <param name="WallTime">When the value was written, in seconds since 1970-01-01 UTC (TorchSharp writes whole seconds).</param>
internal sealed record BoardScalar(string Tag, long Step, float Value, double WallTime);
