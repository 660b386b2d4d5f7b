using System.Text.Json;

namespace Ramp.Schedules.Tests.Compat;

/// <summary>One case of <c>shared/reference/schedules.jsonl</c>.</summary>
public sealed record PeerReferenceCase(string Id, string Peer, string Spec, double[] BaseLrs, double[][] Lr);

/// <summary>Loads the reference file and compares a bound schedule with a case (1e-9 relative; below 1e-15 equal).</summary>
public static class PeerReference
{
    private static readonly Lazy<IReadOnlyDictionary<string, PeerReferenceCase>> Cases = new(Load);

    public static PeerReferenceCase Case(string id) =>
        Cases.Value.TryGetValue(id, out var found) ? found : throw new KeyNotFoundException($"no reference case '{id}'");

    public static IEnumerable<PeerReferenceCase> OfPeer(string peer) => Cases.Value.Values.Where(c => c.Peer == peer);

    public static TheoryData<string> Ids(string peer)
    {
        var data = new TheoryData<string>();
        foreach (var c in OfPeer(peer)) data.Add(c.Id);
        return data;
    }

    /// <summary>Asserts that <paramref name="spec"/>, bound to the case's base lrs, gives the case's rows.</summary>
    public static void AssertMatches(PeerReferenceCase expected, ScheduleSpec spec)
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
        if (Math.Abs(expected) < 1e-15 && Math.Abs(actual) < 1e-15) return;
        var error = Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(error <= 1e-9, $"{where}: expected {expected:R} but got {actual:R} (relative error {error:E2})");
    }

    private static IReadOnlyDictionary<string, PeerReferenceCase> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ramp.slnx"))) dir = dir.Parent;
        if (dir is null) throw new FileNotFoundException("no Ramp.slnx above " + AppContext.BaseDirectory);
        var path = Path.Combine(dir.FullName, "..", "shared", "reference", "schedules.jsonl");
        var cases = new Dictionary<string, PeerReferenceCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var lr = root.GetProperty("lr").EnumerateArray()
                .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            var c = new PeerReferenceCase(root.GetProperty("id").GetString()!, root.GetProperty("peer").GetString()!,
                root.GetProperty("spec").GetString()!,
                root.GetProperty("base_lrs").EnumerateArray().Select(v => v.GetDouble()).ToArray(), lr);
            cases[c.Id] = c;
        }
        return cases;
    }
}
