using Ramp.Reports.RunFolders;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>A run's loss curve (log-y) with a marker at every guard decision and diagnosis, by event name.</summary>
public static class GuardEventsChart
{
    /// <summary>Draws <paramref name="run"/>'s loss and events into <paramref name="dir"/>.</summary>
    public static ChartFile Write(Run run, string dir, string id)
    {
        ArgumentNullException.ThrowIfNull(run);
        var label = $"{run.Config.Arm}, peak LR {ChartStyle.Format(run.Config.PeakLr)}, seed {run.Config.Seed}";
        var plot = ChartStyle.NewPlot($"Guard events: {label}", "optimizer step", "training loss (log scale)");
        var logs = new List<double>();
        var (xs, ys, _) = Series.Of(run.Metrics, r => r.Loss, ChartStyle.Log10);
        logs.AddRange(ys);
        var loss = plot.Add.ScatterLine(xs, ys, Color.FromHex("#6b7280"));
        loss.LineWidth = 1.8f;
        loss.LegendText = "loss";
        var byStep = xs.Select((x, i) => (x, y: ys[i])).ToDictionary(p => (long)p.x, p => p.y);
        var names = run.Events.Select(e => e.Name).Distinct().ToList();
        MarkerShape[] shapes = [MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledSquare, MarkerShape.FilledCircle];
        for (var i = 0; i < names.Count; i++)
        {
            var events = run.Events.Where(e => e.Name == names[i] && byStep.ContainsKey(e.Step)).ToList();
            if (events.Count == 0) continue;
            var guard = events[0].IsGuard;
            var markers = plot.Add.Markers(
                events.Select(e => (double)e.Step).ToArray(), events.Select(e => byStep[e.Step]).ToArray(),
                shapes[i % shapes.Length], 12, ChartStyle.Series(i + 1));
            markers.LegendText = $"{names[i]} ({(guard ? "guard" : "diagnosis")}, {events.Count})";
        }
        ChartStyle.LogY(plot, logs);
        ChartStyle.Legend(plot);
        return ChartStyle.Save(plot, dir, id, "guards", $"Guard events ({label})",
            "Each marker is a guard decision or diagnosis from events.jsonl, drawn on the loss at its step.");
    }
}
