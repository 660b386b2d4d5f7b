using System.Globalization;

namespace Ramp.Cli.Cli;

/// <summary>
/// Reads a metrics file: one number per line, line t (from 0) is the metric observed after step t, as passed to
/// a plateau scheduler's <c>step(metric)</c>. Blank lines and lines starting with <c>#</c> are skipped; a header
/// line is not allowed (it would shift the steps).
/// </summary>
public static class MetricsFile
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">The file cannot be read, or a line is not a number (<c>FILE:LINE: ...</c>).</exception>
    public static IReadOnlyList<double> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (PathChecks.NulAt(path) is { } at) throw new UsageException($"{path}: cannot read metrics file: not a valid path: {at}");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{path}: cannot read metrics file: {CommandLineRunner.OneLine(ex.Message)}", ex);
        }
        var values = new List<double>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (!double.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new UsageException($"{path}:{i + 1}: expected one number per line but found '{Quote(line)}'");
            }
            values.Add(value);
        }
        return values;
    }

    private static string Quote(string line) => line.Length <= 40 ? line : line[..39] + "…";
}
