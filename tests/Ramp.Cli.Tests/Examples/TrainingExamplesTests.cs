namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// Every example that trains (train, compare, find-lr, find-lr-bench, and report, which reads a comparison) runs
/// through the built <c>ramp</c> and does what its words say (<see cref="ExampleClaims"/>; how each is run:
/// <see cref="ExamplePlan"/>), in the default test command. They are cut into two lanes, this class and
/// <see cref="TrainingExamplesSecondLaneTests"/>: xunit runs test classes side by side, each example's <c>ramp</c>
/// runs on one core (<see cref="RampProcess"/>), so the two lanes keep 2 cores busy. Wall times:
/// docs/BENCHMARKS.md, "Documented examples".
/// </summary>
public sealed class TrainingExamplesTests
{
    public static TheoryData<string> FirstLane() => new(Lane(0));

    [Theory]
    [MemberData(nameof(FirstLane))]
    public void Training_example_runs_and_does_what_its_words_say(string key) =>
        Assert.Empty(ExampleGroups.BrokenPromises(key));

    /// <summary>The training examples of lane <paramref name="lane"/>: every other one, in catalog order.</summary>
    public static IEnumerable<string> Lane(int lane) =>
        ExampleGroups.Keys(training: true).Where((_, i) => i % 2 == lane);
}
