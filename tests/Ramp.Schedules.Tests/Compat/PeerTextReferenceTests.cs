using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Compat;

/// <summary>The reference specs of transformers, timm and optax, parsed from their Python text.</summary>
public class PeerTextReferenceTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var peer in new[] { "hf", "timm", "optax" })
        {
            foreach (var c in PeerReference.OfPeer(peer)) data.Add(c.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Parsed_spec_matches_the_peer(string id)
    {
        var expected = PeerReference.Case(id);
        Assert.NotEmpty(expected.Lr); // a case without values would pass AssertMatches vacuously
        PeerReference.AssertMatches(expected, ScheduleText.Parse(expected.Spec));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Printed_spec_parses_back_to_the_same_values(string id)
    {
        var expected = PeerReference.Case(id);
        var printed = ScheduleText.Parse(expected.Spec).ToString()!;
        var reparsed = ScheduleText.Parse(printed);
        Assert.Equal(printed, reparsed.ToString()); // printing is a fixed point
        PeerReference.AssertMatches(expected, reparsed);
    }
}
