using Ramp.Training.Data;
using Ramp.Training.Guards;

namespace Ramp.Cli.Commands;

/// <summary>The parsed options of <c>ramp train</c> (names as on the command line).</summary>
/// <param name="Model"><c>--model</c>.</param>
/// <param name="Data"><c>--data</c>.</param>
/// <param name="DataDir"><c>--data-dir</c>.</param>
/// <param name="Optimizer"><c>--optimizer</c>.</param>
/// <param name="Lr"><c>--lr</c>.</param>
/// <param name="Momentum"><c>--momentum</c>.</param>
/// <param name="Schedule"><c>--schedule</c>.</param>
/// <param name="Steps"><c>--steps</c>.</param>
/// <param name="Epochs"><c>--epochs</c>.</param>
/// <param name="Batch"><c>--batch</c>.</param>
/// <param name="Seed"><c>--seed</c>.</param>
/// <param name="Out"><c>--out</c>.</param>
/// <param name="Device"><c>--device</c>.</param>
/// <param name="Guards">The guards of <c>--clip</c>, <c>--agc</c>, <c>--zclip</c>, <c>--skip-spikes</c> and <c>--rollback</c>.</param>
/// <param name="CheckpointEvery"><c>--checkpoint-every</c>.</param>
/// <param name="EvalEvery"><c>--eval-every</c>.</param>
/// <param name="ReadBackEvery"><c>--read-back-every</c>.</param>
/// <param name="Resume"><c>--resume</c>.</param>
/// <param name="Accumulate"><c>--accumulate</c>.</param>
/// <param name="DetailEvery"><c>--detail-every</c>.</param>
/// <param name="Force"><c>--force</c>.</param>
/// <param name="EvalWindows"><c>--eval-windows</c>, as a count (0 = the whole split).</param>
/// <param name="Gi"><c>--gi</c>.</param>
/// <param name="ExtendSteps"><c>--extend-steps</c>.</param>
public sealed record TrainRequest(
    string Model,
    string Data,
    string? DataDir,
    string Optimizer,
    double Lr,
    double Momentum,
    string Schedule,
    long? Steps,
    double? Epochs,
    int Batch,
    int Seed,
    string Out,
    string Device,
    GuardOptions Guards,
    int CheckpointEvery,
    int EvalEvery,
    int ReadBackEvery,
    bool Resume,
    int Accumulate = 1,
    int DetailEvery = 25,
    bool Force = false,
    int EvalWindows = Ramp.Runs.RunConfig.DefaultEvalWindows,
    bool Gi = false,
    long? ExtendSteps = null)
{
    /// <summary>
    /// Image data: the input normalisation a resumed run recorded (<see cref="PixelNormalization.RecordedIn"/>), used
    /// instead of measuring the training split again; null for a new run (measured) and for text.
    /// </summary>
    public PixelNormalization? InputNormalization { get; init; }
}
