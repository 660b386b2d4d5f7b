namespace Ramp.Schedules.Tests.Compat;

/// <summary>Peer cases of the reference file (read by the one loader, <see cref="ReferenceCase"/>) and comparison of a bound schedule with a case.</summary>
public static class PeerReference
{
    public static ReferenceCase Case(string id) => ReferenceCase.Get(id);

    public static IEnumerable<ReferenceCase> OfPeer(string peer) => ReferenceCase.Cases.Values.Where(c => c.Peer == peer);

    public static TheoryData<string> Ids(string peer) => ReferenceCase.Ids(peer);

    /// <summary>Asserts that <paramref name="spec"/>, bound to the case's base lrs, gives the case's rows.</summary>
    public static void AssertMatches(ReferenceCase expected, ScheduleSpec spec)
    {
        var set = spec.Bind(expected.BaseLrs);
        for (var t = 0; t < expected.Lr.Length; t++)
        {
            for (var g = 0; g < expected.Lr[t].Length; g++)
            {
                AssertClose(expected.Lr[t][g], set.LrAt(g, t), $"{expected.Id} step {t} group {g}");
            }
        }
    }

    public static void AssertClose(double expected, double actual, string where = "")
    {
        var error = Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(ReferenceCase.Close(expected, actual), $"{where}: expected {expected:R} but got {actual:R} (relative error {error:E2})");
    }
}
