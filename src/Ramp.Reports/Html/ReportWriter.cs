using Ramp.Runs;
using Ramp.Reports.Measures;

namespace Ramp.Reports.Html;

/// <summary>
/// Writes a comparison's outputs into one directory: <c>report.html</c> (self-contained), <c>summary.csv</c>,
/// and <c>charts/</c> with every chart as PNG and SVG.
/// </summary>
public static class ReportWriter
{
    /// <summary>The charts folder's name inside the output directory.</summary>
    public const string ChartsFolder = "charts";

    /// <summary>Reads the runs under <paramref name="roots"/> and writes the report into <paramref name="outDir"/>.</summary>
    /// <returns>The path of <c>report.html</c>.</returns>
    /// <exception cref="RunFolderException">When a run folder cannot be read.</exception>
    public static string Write(IEnumerable<string> roots, string outDir, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var folders = roots.ToArray();
        return WriteStudy(folders, RunFolderReader.ReadAll(folders), outDir, options);
    }

    /// <summary>
    /// Writes the report for <paramref name="runs"/>, read from <paramref name="roots"/>, into <paramref name="outDir"/>:
    /// the cells that the roots' <c>halving.jsonl</c> pruned are listed apart, not measured.
    /// </summary>
    /// <returns>The path of <c>report.html</c>.</returns>
    public static string WriteStudy(IReadOnlyList<string> roots, IReadOnlyList<Run> runs, string outDir, ReportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(runs);
        var halving = HalvingOutcome.Of(roots, runs);
        // Pruned cells are left out of the measures (they are not failures) and listed apart.
        if (!halving.Halved) return Write(runs, outDir, options);
        return Write([.. runs.Where(r => !halving.IsPruned(r))], outDir, (options ?? new ReportOptions()) with { Halving = halving });
    }

    /// <summary>Writes the report for <paramref name="runs"/> into <paramref name="outDir"/>.</summary>
    /// <returns>The path of <c>report.html</c>.</returns>
    public static string Write(IReadOnlyList<Run> runs, string outDir, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var o = options ?? new ReportOptions();
        Directory.CreateDirectory(outDir);
        var studies = Measure.Compute(runs, o.Measures);
        SummaryCsv.Write(Path.Combine(outDir, "summary.csv"), studies);
        var charts = Path.Combine(outDir, ChartsFolder);
        var drawn = studies.Select(m => CaseStudyCharts.Write(m, charts, o.LayerSteps)).ToList();
        var path = Path.Combine(outDir, "report.html");
        File.WriteAllText(path, HtmlReport.Render(runs, drawn, o, ChartsFolder));
        return path;
    }
}
