using System.Text.Json;

namespace Ramp.Schedules.Tests.Native;

/// <summary>Reads cases from ../shared/reference/schedules.jsonl, found by walking up to the folder holding Ramp.slnx.</summary>
internal static class NativeReference
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(Load);

    public static (double[][] Lr, double[][]? Momentum, double[] BaseLrs) Case(string id)
    {
        var c = Cases.Value[id];
        double[][] Rows(JsonElement e) => e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var momentum = c.TryGetProperty("momentum", out var m) ? Rows(m) : null;
        return (Rows(c.GetProperty("lr")), momentum, c.GetProperty("base_lrs").EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }

    public static void AssertClose(double expected, double actual, string where)
    {
        if (Math.Abs(expected) < 1e-15 && Math.Abs(actual) < 1e-15) return;
        var relative = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(relative <= 1e-9, $"{where}: expected {expected:R} but got {actual:R}");
    }

    private static Dictionary<string, JsonElement> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ramp.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.Combine(dir.FullName, "..", "shared", "reference", "schedules.jsonl");
        return File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!);
    }
}
