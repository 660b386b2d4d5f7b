using System.Text.Json;

namespace Ramp.TestSupport;

/// <summary>
/// One line of <c>tests/data/reference/schedules.jsonl</c>: a peer call and the rates the peer produced
/// (fields and protocol in <c>tests/data/reference/README.md</c>). The one loader of that file: linked into every
/// test project that compares with the peers.
/// </summary>
public sealed record ReferenceCase(
    string Id,
    string Peer,
    string Spec,
    double[] BaseLrs,
    int Steps,
    double[][] Lr,
    double[][]? Momentum,
    double[]? Metrics,
    string? Note)
{
    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceCase>> All = new(Load);

    /// <summary>Every case by id, in file order.</summary>
    public static IReadOnlyDictionary<string, ReferenceCase> Cases => All.Value;

    /// <summary>The case named <paramref name="id"/>; a missing id names itself.</summary>
    public static ReferenceCase Get(string id) =>
        Cases.TryGetValue(id, out var found) ? found : throw new KeyNotFoundException($"no reference case '{id}' in {FindFile()}");

    /// <summary>The case ids, optionally of one peer, as theory rows.</summary>
    public static TheoryData<string> Ids(string? peer = null)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Values) if (peer is null || c.Peer == peer) data.Add(c.Id);
        return data;
    }

    /// <summary>The reference protocol's comparison: 1e-9 relative; values below 1e-15 count as equal.</summary>
    public static bool Close(double expected, double actual) =>
        (Math.Abs(expected) < 1e-15 && Math.Abs(actual) < 1e-15) ||
        Math.Abs(expected - actual) <= 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual));

    /// <summary>The repository root: the nearest folder above the test binaries holding <c>Ramp.slnx</c>.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ramp.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new FileNotFoundException("no Ramp.slnx above " + AppContext.BaseDirectory);
    }

    /// <summary>The reference file inside the repository.</summary>
    public static string FindFile()
    {
        var file = Path.Combine(RepoRoot(), "tests", "data", "reference", "schedules.jsonl");
        return File.Exists(file) ? file : throw new FileNotFoundException("the reference file is missing", file);
    }

    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceCase>> DerivedCases = new(() => Load(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Reference", "Derived"), "*.jsonl").Order(StringComparer.Ordinal)));

    /// <summary>
    /// Cases derived in this repository for peers the shared file lacks (<c>Reference/Derived/*.jsonl</c>): each one's
    /// note and the script beside it say how its values were computed.
    /// </summary>
    public static IReadOnlyDictionary<string, ReferenceCase> Derived => DerivedCases.Value;

    private static IReadOnlyDictionary<string, ReferenceCase> Load() => Load([FindFile()]);

    private static IReadOnlyDictionary<string, ReferenceCase> Load(IEnumerable<string> files)
    {
        var cases = new Dictionary<string, ReferenceCase>(StringComparer.Ordinal);
        foreach (var line in files.SelectMany(File.ReadLines))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var item = new ReferenceCase(
                root.GetProperty("id").GetString()!,
                root.GetProperty("peer").GetString()!,
                root.GetProperty("spec").GetString()!,
                Vector(root.GetProperty("base_lrs")),
                root.GetProperty("steps").GetInt32(),
                Matrix(root.GetProperty("lr")),
                root.TryGetProperty("momentum", out var momentum) && momentum.ValueKind == JsonValueKind.Array ? Matrix(momentum) : null,
                root.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array ? Vector(metrics) : null,
                root.TryGetProperty("note", out var note) ? note.GetString() : null);
            cases.Add(item.Id, item);
        }
        return cases;
    }

    private static double[] Vector(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static double[][] Matrix(JsonElement array) => array.EnumerateArray().Select(Vector).ToArray();
}
