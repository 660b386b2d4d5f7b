using Ramp.Runs;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// One run's loss (log-y, in its arm's colour) with a marker at every decision and finding of events.jsonl: guard
/// decisions in black, automatic-warmup decisions in amber, diagnoses in grey, one shape per event name
/// (<see cref="ChartMarks"/>). The axis is clipped like the loss chart's, so a blow-up shows as off-scale
/// triangles and a cross.
/// </summary>
public static class GuardEventsChart
{
    /// <summary>Draws <paramref name="run"/>'s loss and events into <paramref name="dir"/>, the loss in <paramref name="color"/>.</summary>
    public static ChartFile Write(Run run, Color color, string dir, string id)
    {
        ArgumentNullException.ThrowIfNull(run);
        var label = $"{run.Arm}, peak LR {ChartStyle.Format(run.PeakLr)}, seed {run.Config.Seed}";
        var plot = ChartStyle.NewPlot($"Decisions and findings: {label}", "optimizer step", "training loss (log scale)");
        var rows = run.Metrics.Where(r => !(r.Skipped && !double.IsFinite(r.Loss))).ToList();
        var cut = rows.FindIndex(r => !double.IsFinite(r.Loss));
        if (cut >= 0) rows = rows[..(cut + 1)];
        var start = rows.Count > 0 && double.IsFinite(rows[0].Loss) ? rows[0].Loss : double.PositiveInfinity;
        var axis = LogAxis.Fit(rows.Select(r => r.Loss), start * Charts.LossCurvesChart.Headroom);
        var (xs, ys) = Series.Thin(rows.Select(r => (double)r.Step).ToArray(), rows.Select(r => double.IsFinite(r.Loss) ? r.Loss
            : double.PositiveInfinity).ToArray());
        var loss = LogLine.Draw(plot, axis, xs, ys, color, 1.8f);
        if (loss.Line is { } l) l.LegendText = "training loss";
        var at = run.Metrics.Where(r => double.IsFinite(r.Loss)).GroupBy(r => r.Step)
            .ToDictionary(g => g.Key, g => axis.Place(g.Last().Loss).Y);
        foreach (var group in run.Events.GroupBy(e => (e.Kind, e.Name)).OrderBy(g => RunJson.Name(g.Key.Kind), StringComparer.Ordinal)
            .ThenBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var (shape, c) = ChartMarks.Event(group.Key.Kind, group.Key.Name);
            // An event at a step without a finite loss (the step that blew up) sits on the top edge.
            var points = group.Select(e => new Coordinates(e.Step, at.TryGetValue(e.Step, out var y) ? y : axis.High)).ToArray();
            var markers = plot.Add.Markers(points, shape, 11, c);
            markers.LegendText = $"{group.Key.Name} ({ChartMarks.KindName(group.Key.Kind)}, {points.Length})";
        }
        axis.Apply(plot);
        LogLine.Explain(plot, loss.Above > 0, loss.Below > 0, loss.BlewUp, axis);
        ChartStyle.Legend(plot);
        var caption = run.Events.Count == 0
            ? "This run logged no decision or finding" + (loss.BlewUp ? "; the cross marks where its loss became non-finite." : ".")
            : "Each marker is a line of events.jsonl at its step: guard decisions (black), automatic-warmup decisions (amber) and " +
                "diagnoses (grey), " +
              "counted in the legend.";
        return ChartStyle.Save(plot, dir, id, "guards", $"Decisions and findings ({label})", caption);
    }
}
