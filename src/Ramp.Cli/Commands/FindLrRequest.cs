namespace Ramp.Cli.Commands;

/// <summary>The parsed options of <c>ramp find-lr</c> (names as on the command line).</summary>
/// <param name="Model"><c>--model</c>.</param>
/// <param name="Data"><c>--data</c>.</param>
/// <param name="DataDir"><c>--data-dir</c>.</param>
/// <param name="Optimizer"><c>--optimizer</c>.</param>
/// <param name="Momentum"><c>--momentum</c>.</param>
/// <param name="Batch"><c>--batch</c>.</param>
/// <param name="Seed"><c>--seed</c>.</param>
/// <param name="Steps"><c>--steps</c>.</param>
/// <param name="StartLr"><c>--start-lr</c>.</param>
/// <param name="EndLr"><c>--end-lr</c>.</param>
/// <param name="ColdStartSteps"><c>--cold-start-steps</c>.</param>
/// <param name="TotalSteps"><c>--total-steps</c>.</param>
/// <param name="Out"><c>--out</c>.</param>
/// <param name="Device"><c>--device</c>.</param>
/// <param name="Force"><c>--force</c>.</param>
/// <param name="Validate"><c>--validate</c>.</param>
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
