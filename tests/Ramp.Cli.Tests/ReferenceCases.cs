using System.Text.Json;

namespace Ramp.Cli.Tests;

/// <summary>One line of <c>shared/reference/schedules.jsonl</c>.</summary>
public sealed record ReferenceCase(
    string Id, string Spec, double[] BaseLrs, int Steps, double[][] Lr, double[][]? Momentum, double[]? Metrics)
{
    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceCase>> All = new(Load);

    public static ReferenceCase Get(string id) => All.Value[id];

    /// <summary>The repository root: the nearest folder above the test binaries holding <c>Ramp.slnx</c>.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ramp.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Ramp.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Relative comparison used by the reference protocol: 1e-9 relative, values below 1e-15 count as equal.</summary>
    public static bool Close(double expected, double actual) =>
        (Math.Abs(expected) < 1e-15 && Math.Abs(actual) < 1e-15) ||
        Math.Abs(expected - actual) <= 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual));

    private static IReadOnlyDictionary<string, ReferenceCase> Load()
    {
        var path = Path.Combine(RepoRoot(), "..", "shared", "reference", "schedules.jsonl");
        var cases = new Dictionary<string, ReferenceCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var c = new ReferenceCase(
                root.GetProperty("id").GetString()!,
                root.GetProperty("spec").GetString()!,
                Vector(root.GetProperty("base_lrs")),
                root.GetProperty("steps").GetInt32(),
                Matrix(root.GetProperty("lr")),
                root.TryGetProperty("momentum", out var m) ? Matrix(m) : null,
                root.TryGetProperty("metrics", out var x) ? Vector(x) : null);
            cases[c.Id] = c;
        }
        return cases;
    }

    private static double[] Vector(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static double[][] Matrix(JsonElement e) => e.EnumerateArray().Select(Vector).ToArray();
}
