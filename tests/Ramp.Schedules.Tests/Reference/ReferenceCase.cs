using System.Text.Json;

namespace Ramp.Schedules.Tests.Reference;

/// <summary>One line of <c>shared/reference/schedules.jsonl</c>: a peer call and the rates the peer produced.</summary>
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

    /// <summary>The case ids, as theory rows.</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Keys) data.Add(id);
        return data;
    }

    /// <summary>The reference file: walk up from the test binaries to the folder holding Ramp.slnx, then ../shared/reference.</summary>
    public static string FindFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Ramp.slnx"))) continue;
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "..", "shared"), Path.Combine(dir.FullName, "shared") })
            {
                var file = Path.Combine(candidate, "reference", "schedules.jsonl");
                if (File.Exists(file)) return Path.GetFullPath(file);
            }
            throw new FileNotFoundException($"no shared/reference/schedules.jsonl beside or inside {dir.FullName}");
        }
        throw new FileNotFoundException($"no Ramp.slnx above {AppContext.BaseDirectory}");
    }

    private static IReadOnlyDictionary<string, ReferenceCase> Load()
    {
        var cases = new Dictionary<string, ReferenceCase>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(FindFile()))
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
