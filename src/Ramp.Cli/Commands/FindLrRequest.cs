namespace Ramp.Cli.Commands;

/// <summary>The parsed options of <c>ramp find-lr</c> (names as on the command line).</summary>
public sealed record FindLrRequest(
    string Model,
    string Data,
    string? DataDir,
    string Optimizer,
    double Momentum,
    int Batch,
    int Seed,
    int Steps,
    double StartLr,
    double EndLr,
    int ColdStartSteps,
    long? TotalSteps,
    string Out,
    string Device,
    bool Force = false,
    bool Validate = false);
