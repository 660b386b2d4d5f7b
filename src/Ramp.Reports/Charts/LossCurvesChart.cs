using Ramp.Reports.Measures;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// Training loss against step (log-y) for every arm and seed at one peak LR, so runs with and without warmup at the
/// same peak sit side by side. The axis stops a decade above the largest starting loss: a blow-up is drawn on the
/// top edge (triangles) and ends in a cross where it became non-finite, instead of stretching the axis to 1e30.
/// </summary>
public static class LossCurvesChart
{
    /// <summary>How far above the largest starting loss the axis reaches (a factor).</summary>
    public const double Headroom = 10;

    /// <summary>The axis the chart uses for <paramref name="m"/> at <paramref name="peakLr"/>.</summary>
    public static LogAxis Axis(CaseStudyMeasures m, double peakLr)
    {
        ArgumentNullException.ThrowIfNull(m);
        var runs = m.Arms.Select(a => m.Cell(a.Arm, peakLr)).OfType<Measures.GridCell>().SelectMany(c => c.Runs)
            .Select(o => o.Run).ToList();
        var starts = runs.Where(r => r.Metrics.Count > 0).Select(r => r.Metrics[0].Loss).Where(double.IsFinite)
            .DefaultIfEmpty(double.NaN).Max();
        return LogAxis.Fit(runs.SelectMany(r => r.Metrics).Select(r => r.Loss), double.IsFinite(starts) ? starts * Headroom
            : double.PositiveInfinity);
    }

    /// <summary>Draws the loss curves of <paramref name="m"/> at <paramref name="peakLr"/> into <paramref name="dir"/>.</summary>
    public static ChartFile Write(CaseStudyMeasures m, double peakLr, string dir, string id)
    {
        var plot = ChartStyle.NewPlot($"Training loss at peak LR {ChartStyle.Format(peakLr)}", "optimizer step",
            "training loss (log scale)");
        var axis = Axis(m, peakLr);
        bool above = false, below = false, blew = false;
        for (var i = 0; i < m.Arms.Count; i++)
        {
            if (m.Cell(m.Arms[i].Arm, peakLr) is not { } cell) continue;
            var color = ChartStyle.Series(i);
            for (var k = 0; k < cell.Runs.Count; k++)
            {
                // A step a guard skipped is not part of the curve; the first other non-finite loss ends it (kept by Thin, which keeps the
                // last point).
                var rows = cell.Runs[k].Run.Metrics.Where(r => !(r.Skipped && !double.IsFinite(r.Loss))).ToList();
                var cut = rows.FindIndex(r => !double.IsFinite(r.Loss));
                if (cut >= 0) rows = rows[..(cut + 1)];
                var (xs, ys) = Series.Thin(rows.Select(r => (double)r.Step).ToArray(), rows.Select(r => double.IsFinite(r.Loss) ? r.Loss
                    : double.PositiveInfinity).ToArray());
                var line = LogLine.Draw(plot, axis, xs, ys, k == 0 ? color : color.WithAlpha(0.55), k == 0 ? 2.2f : 1.4f);
                if (k == 0 && line.Line is { } l) l.LegendText = $"{m.Arms[i].Arm} ({cell.Diverged}/{cell.Runs.Count} diverged)";
                above |= line.Above > 0;
                below |= line.Below > 0;
                blew |= line.BlewUp;
            }
        }
        axis.Apply(plot);
        LogLine.Explain(plot, above, below, blew, axis);
        ChartStyle.Legend(plot);
        var caption = "One colour per arm; the thick line is the first seed, thin lines the others. " +
            $"The axis ends a decade above the largest starting loss ({axis.TopText})" +
            (above ? "; a triangle on the top edge is a loss above it (off scale)" : "") +
            (blew ? "; a cross marks where a run's loss became non-finite" : "") + ".";
        return ChartStyle.Save(plot, dir, id, "loss", "Loss curves with and without warmup", caption);
    }
}
