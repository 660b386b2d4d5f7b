namespace Ramp.Cli.Tests.Examples;

/// <summary>The second lane of the examples that train (<see cref="TrainingExamplesTests"/>), run beside the first.</summary>
public sealed class TrainingExamplesSecondLaneTests
{
    public static TheoryData<string> SecondLane() => new(TrainingExamplesTests.Lane(1));

    [Theory]
    [MemberData(nameof(SecondLane))]
    public void Training_example_runs_and_does_what_its_words_say(string key) =>
        Assert.Empty(ExampleGroups.BrokenPromises(key));
}
