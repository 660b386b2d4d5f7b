using Ramp.Training.Data;
using Ramp.Training.Guards;

namespace Ramp.Cli.Commands;

/// <summary>The parsed options of <c>ramp train</c> (names as on the command line).</summary>
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
