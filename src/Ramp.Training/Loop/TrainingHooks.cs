namespace Ramp.Training.Loop;

/// <summary>Test hooks into the loop: fault injection and a simulated crash.</summary>
/// <param name="InjectNaN">Called once for each executed step; when it returns true the step's loss is made NaN (so are its
/// gradients).</param>
/// <param name="CrashAfter">
/// Called after each step; when it returns true the loop stops at once as if killed: rows not read back yet,
/// the final checkpoint and the final summary are not written.
/// </param>
internal sealed record TrainingHooks(Func<long, bool>? InjectNaN = null, Func<long, bool>? CrashAfter = null)
{
    /// <summary>No hooks.</summary>
    public static TrainingHooks None { get; } = new();
}
