using Ramp.Schedules.Evaluation;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Reference;

/// <summary>
/// Every case of the reference file: parse the peer's call, bind it to the case's base rates, evaluate the LrTable
/// protocol and compare every rate (and momentum) to 1e-9 relative; values below 1e-15 count as equal.
/// </summary>
public class ReferenceTests
{
    private const double Relative = 1e-9;
    private const double Tiny = 1e-15;

    public static TheoryData<string> Cases => ReferenceCase.Ids();

    [Fact]
    public void TheFileHoldsEveryCase() => Assert.Equal(125, ReferenceCase.Cases.Count);

    public static TheoryData<string> DerivedCases => new(ReferenceCase.Derived.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesThePeer(string id) => Check(ReferenceCase.Cases[id]);

    [Theory]
    [MemberData(nameof(DerivedCases))]
    public void MatchesTheDerivedCase(string id) => Check(ReferenceCase.Derived[id]);

    private static void Check(ReferenceCase reference)
    {
        var id = reference.Id;
        var set = ScheduleText.Parse(reference.Spec).Bind(reference.BaseLrs);
        var table = LrTable.Compute(set, reference.Steps, reference.BaseLrs, reference.Metrics);

        Compare(id, "lr", reference.Lr, table.Lr);
        if (reference.Momentum is not null)
        {
            Assert.True(table.Momentum is not null, $"{id}: the peer cycles momentum but the schedule does not");
            Compare(id, "momentum", reference.Momentum, table.Momentum!);
        }
    }

    /// <summary>Whether two rates agree to 1e-9 relative (both below 1e-15 counts as equal).</summary>
    public static bool Close(double expected, double actual) =>
        (Math.Abs(expected) < Tiny && Math.Abs(actual) < Tiny)
        || Math.Abs(expected - actual) <= Relative * Math.Max(Math.Abs(expected), Math.Abs(actual));

    private static void Compare(string id, string what, double[][] expected, double[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var t = 0; t < expected.Length; t++)
        {
            Assert.True(expected[t].Length == actual[t].Length,
                $"{id}: step {t} has {actual[t].Length} groups, expected {expected[t].Length}");
            for (var g = 0; g < expected[t].Length; g++)
            {
                if (!Close(expected[t][g], actual[t][g]))
                {
                    Assert.Fail($"{id}: {what} at step {t}, group {g}: expected {expected[t][g]:R} but got {actual[t][g]:R}");
                }
            }
        }
    }
}
