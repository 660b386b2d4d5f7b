namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// The documented examples grouped by their planned command line (output paths blanked), so examples equal but for
/// those run once and are judged each by its own words; which groups train; and the one way a group is run and judged.
/// </summary>
public static class ExampleGroups
{
    private static readonly Lazy<Dictionary<string, List<DocumentedExample>>> All = new(() =>
        ExampleCatalog.Examples.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));

    /// <summary>Every group by its key, in catalog order.</summary>
    public static IReadOnlyDictionary<string, List<DocumentedExample>> ByKey => All.Value;

    /// <summary>
    /// The keys of the groups that train (train, compare, find-lr, find-lr-bench, and report, which reads a comparison),
    /// or of those that do not.
    /// </summary>
    public static IEnumerable<string> Keys(bool training) =>
        ByKey.Where(g => Trains(g.Value[0]) == training).Select(g => g.Key);

    /// <summary>Whether running <paramref name="e"/> trains a model.</summary>
    public static bool Trains(DocumentedExample e) => e.Command is "train" or "compare" or "find-lr" or "find-lr-bench" or "report";

    /// <summary>
    /// Runs the group of <paramref name="key"/> once and returns every broken promise of its examples, each as
    /// <c>SOURCE: what broke (ramp ARGS)</c>; empty when every example does what its words say.
    /// </summary>
    public static IReadOnlyList<string> BrokenPromises(string key)
    {
        var group = ByKey[key];
        var plan = ExamplePlan.For(group[0]);
        var result = plan.Run();
        try
        {
            var command = $"ramp {string.Join(' ', plan.Args)}";
            return group.SelectMany(e => ExampleClaims.Broken(e with { Args = group[0].Args }, plan, result)
                .Select(b => $"{e.Source}: {b} ({command})")).ToList();
        }
        finally
        {
            Directory.Delete(result.WorkDir, recursive: true);
        }
    }

    /// <summary>The planned command line with its output paths blanked: examples equal but for those run once.</summary>
    private static string Key(DocumentedExample e)
    {
        var args = ExamplePlan.For(e).Args.Select(a => a.StartsWith(ExampleCatalog.RepoRoot, StringComparison.Ordinal)
            ? Path.GetRelativePath(ExampleCatalog.RepoRoot, a) : a).ToArray();
        for (var i = 1; i < args.Length - 1; i++)
            if (args[i] is "--out" or "-o" or "--output") args[i + 1] = "OUT" + Path.GetExtension(args[i + 1]);
        return string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
    }
}
