namespace Ramp.Schedules.Text;

/// <summary>Suggests the accepted names closest to a misspelt one (case-insensitive edit distance).</summary>
public static class NearestNames
{
    /// <summary>
    /// Up to <paramref name="max"/> names from <paramref name="accepted"/> within an edit distance of
    /// max(2, length/3) of <paramref name="name"/>, closest first; names containing it come next.
    /// </summary>
    public static IReadOnlyList<string> Find(string name, IEnumerable<string> accepted, int max = 3)
    {
        var lower = name.ToLowerInvariant();
        var limit = Math.Max(2, name.Length / 3);
        return accepted
            .Distinct()
            .Select(a => (Name: a, Distance: Distance(lower, a.ToLowerInvariant())))
            .Where(x => x.Distance <= limit || x.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToArray();
    }

    /// <summary>Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
