using Ramp.Runs;

namespace Ramp.Training.Loop;

/// <summary>What <see cref="Trainer.Run"/> returns.</summary>
/// <param name="Summary">The summary as written to <c>summary.json</c> (the last one written when <paramref name="Crashed"/>).</param>
/// <param name="Crashed">Whether the run stopped through <see cref="TrainingHooks.CrashAfter"/> (nothing final was written).</param>
public sealed record TrainResult(RunSummary Summary, bool Crashed);
