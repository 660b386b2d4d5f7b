using Ramp.Runs;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ramp.Reports.Charts;

namespace Ramp.Cli.Commands;

/// <summary>Writes <c>find-lr.json</c>, <c>find-lr.csv</c> and the range-test chart (PNG and SVG).</summary>
internal static class FindLrFiles
{
    public static void Write(FindLrRun.Findings f)
    {
        Directory.CreateDirectory(f.Request.Out);
        var points = f.RangeTest.Points;
        var csv = new StringBuilder("iteration,lr,loss,smoothed_loss\n");
        foreach (var p in points)
            csv.Append(CultureInfo.InvariantCulture,
                $"{p.Iteration},{RunJson.Format(p.Lr)},{RunJson.Format(p.Loss)},{RunJson.Format(p.SmoothedLoss)}\n");
        File.WriteAllText(Path.Combine(f.Request.Out, "find-lr.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(f.Request.Out, "find-lr.json"), Json(f));
        RangeTestChart.Write(points.Select(p => p.Lr).ToArray(), points.Select(p => p.Loss).ToArray(),
            points.Select(p => p.SmoothedLoss).ToArray(),
            f.Suggestions.Where(s => s.Lr is not null).Select(s => (s.Rule, s.Lr!.Value)).ToArray(),
                f.RangeTest.DivergenceLr, f.Request.Out,
            recommendedLr: f.Recommendation?.PeakLr, coldStartLr: f.ColdStart?.LargestSurvivingLr);
    }

    private static string Json(FindLrRun.Findings f)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var r = f.Request;
            w.WriteStartObject();
            w.WriteStartObject("config");
            w.WriteString("model", r.Model);
            w.WriteString("data", r.Data);
            w.WriteString("optimizer", r.Optimizer);
            w.WriteNumber("momentum", r.Momentum);
            w.WriteNumber("batch", r.Batch);
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("steps", r.Steps);
            w.WriteNumber("start_lr", r.StartLr);
            w.WriteNumber("end_lr", r.EndLr);
            w.WriteNumber("cold_start_steps", r.ColdStartSteps);
            if (r.TotalSteps is { } total) w.WriteNumber("total_steps", total);
            w.WriteBoolean("validate", r.Validate);
            if (f.Inputs is { } inputs)
            {
                w.WriteNumber("input_mean", inputs.Mean);
                w.WriteNumber("input_std", inputs.Std);
            }
            w.WriteEndObject();
            var range = f.RangeTest;
            w.WriteStartObject("range_test");
            w.WriteNumber("points", range.Points.Count);
            w.WriteString("stop_reason", JsonNamingPolicy.SnakeCaseLower.ConvertName(range.StopReason.ToString()));
            w.WriteString("stopped", FindLrRun.StopText(range));
            Nullable(w, "divergence_lr", range.DivergenceLr);
            Nullable(w, "last_stable_lr", range.LastStableLr);
            w.WriteEndObject();
            w.WriteStartArray("suggestions");
            foreach (var s in f.Suggestions)
            {
                w.WriteStartObject();
                w.WriteString("rule", s.Rule);
                Nullable(w, "lr", s.Lr);
                w.WriteString("explanation", s.Explanation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (f.ColdStart is { } c)
            {
                w.WriteStartObject("cold_start");
                w.WriteNumber("trial_steps", c.Plan.TrialSteps);
                w.WriteString("outcome", JsonNamingPolicy.SnakeCaseLower.ConvertName(c.Outcome.ToString()));
                Nullable(w, "largest_surviving_lr", c.LargestSurvivingLr);
                Nullable(w, "smallest_failing_lr", c.SmallestFailingLr);
                w.WriteStartArray("trials");
                foreach (var t in c.Trials)
                {
                    w.WriteStartObject();
                    w.WriteNumber("lr", t.Lr);
                    w.WriteBoolean("survived", t.Survived);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else w.WriteNull("cold_start");
            if (f.Recommendation is { } rec)
            {
                w.WriteStartObject("recommendation");
                w.WriteNumber("peak_lr", rec.PeakLr);
                w.WriteNumber("warmup_steps", rec.WarmupSteps);
                w.WriteStartArray("rationale");
                foreach (var line in rec.Rationale) w.WriteStringValue(line);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else w.WriteNull("recommendation");
            if (f.NoRecommendation is { } why) w.WriteString("no_recommendation", why);
            w.WriteNumber("search_steps", f.Found.Steps);
            if (f.Check is { } v)
            {
                w.WriteStartObject("validate");
                w.WriteNumber("steps", v.Steps);
                w.WriteString("schedule", v.Schedule);
                w.WriteBoolean("held", v.Held);
                w.WriteStartArray("runs");
                foreach (var (peak, run) in v.Runs)
                {
                    w.WriteStartObject();
                    w.WriteNumber("peak_lr", peak);
                    w.WriteBoolean("blew_up", run.Diverged);
                    Nullable(w, "final_loss", run.FinalLoss);
                    Nullable(w, "test_loss", run.TestLoss);
                    Nullable(w, "test_accuracy", run.TestAccuracy);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteNumber("wall_seconds", Math.Round(f.Seconds, 3));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Nullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
