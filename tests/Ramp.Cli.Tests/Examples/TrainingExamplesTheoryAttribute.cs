namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// A theory over the examples that train: they run when the environment sets <c>RAMP_EXAMPLES=1</c>
/// (<c>RAMP_EXAMPLES=1 dotnet test tests/Ramp.Cli.Tests -c Release --filter DocumentedExamples</c>), and are
/// skipped with that instruction otherwise, because together they train for many minutes on 2 cores.
/// </summary>
public sealed class TrainingExamplesTheoryAttribute : TheoryAttribute
{
    public TrainingExamplesTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("RAMP_EXAMPLES") != "1")
            Skip = "examples that train run with RAMP_EXAMPLES=1 (many minutes on 2 cores)";
    }
}
