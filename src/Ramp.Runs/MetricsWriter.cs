using System.Text;
using System.Text.Json;

namespace Ramp.Runs;

/// <summary>
/// Appends step records to <c>metrics.csv</c> and <c>metrics.jsonl</c> (columns and fields as in docs/run-folder.md),
/// flushing after each batch so a killed run leaves whole rows behind (a torn last line is dropped on resume).
/// </summary>
public sealed class MetricsWriter
{
    private readonly string _csv;
    private readonly string _jsonl;
    private readonly int _groups;
    private readonly bool _momentum;
    private readonly IReadOnlyList<string> _optimizer;

    /// <summary>Writes into <paramref name="folder"/> (created when missing) for <paramref name="groups"/> parameter groups;
    /// writes the CSV header when the file is new.</summary>
    public MetricsWriter(string folder, int groups, bool momentum) : this(folder, groups, momentum, [])
    {
    }

    /// <summary>As the other constructor, with a column for each of the optimizer's own scalars (<see
    /// cref="StepRecord.Optimizer"/>).</summary>
    public MetricsWriter(string folder, int groups, bool momentum, IReadOnlyList<string> optimizerScalars)
    {
        ArgumentNullException.ThrowIfNull(optimizerScalars);
        _optimizer = optimizerScalars;
        _csv = Path.Combine(folder, "metrics.csv");
        _jsonl = Path.Combine(folder, "metrics.jsonl");
        _groups = groups;
        _momentum = momentum;
        Directory.CreateDirectory(folder);
        if (!File.Exists(_csv) || new FileInfo(_csv).Length == 0) File.WriteAllText(_csv, Header + "\n");
        if (!File.Exists(_jsonl)) File.WriteAllText(_jsonl, "");
    }

    /// <summary>The CSV header line.</summary>
    public string Header
    {
        get
        {
            var lrs = _groups == 1 ? "lr" : string.Join(",", Enumerable.Range(0, _groups).Select(g => $"lr{g}"));
            var momentum = _momentum ? ",momentum" : "";
            var optimizer = string.Concat(_optimizer.Select(o => "," + o));
            return $"step,epoch,loss,accuracy,{lrs}{momentum},grad_norm,update_ratio,weight_norm,nonfinite,clipped,skipped," +
                $"schedule_step{optimizer},wall_ms";
        }
    }

    /// <summary>Appends <paramref name="records"/> to both files.</summary>
    public void Append(IReadOnlyList<StepRecord> records)
    {
        if (records.Count == 0) return;
        var csv = new StringBuilder();
        var json = new StringBuilder();
        foreach (var r in records)
        {
            csv.AppendLine(CsvRow(r));
            json.Append(JsonLine(r)).Append('\n');
        }
        File.AppendAllText(_csv, csv.ToString().Replace("\r\n", "\n"));
        File.AppendAllText(_jsonl, json.ToString());
    }

    /// <summary>One CSV row for <paramref name="r"/>.</summary>
    internal string CsvRow(StepRecord r)
    {
        var cells = new List<string> { r.Step.ToString(), r.Epoch.ToString(), F(r.Loss), r.Accuracy is { } a ? F(a) : "" };
        for (var g = 0; g < _groups; g++) cells.Add(g < r.Lrs.Count ? F(r.Lrs[g]) : "");
        if (_momentum) cells.Add(r.Momentum is { } m ? F(m) : "");
        cells.AddRange([F(r.GradNorm), O(r.UpdateRatio), O(r.WeightNorm), B(r.NonFinite), B(r.Clipped), B(r.Skipped),
            r.ScheduleStep?.ToString() ?? ""]);
        foreach (var name in _optimizer) cells.Add(O(OptimizerValue(r, name)));
        cells.Add(F(r.WallMs));
        return string.Join(",", cells);
    }

    /// <summary>One JSON line for <paramref name="r"/> (the CSV fields plus <c>layers</c>).</summary>
    internal string JsonLine(StepRecord r)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("step", r.Step);
            w.WriteNumber("epoch", r.Epoch);
            RunJson.WriteNumber(w, "loss", r.Loss);
            if (r.Accuracy is { } a) RunJson.WriteNumber(w, "accuracy", a); else w.WriteNull("accuracy");
            if (_groups == 1) RunJson.WriteNumber(w, "lr", r.Lrs[0]);
            else for (var g = 0; g < _groups; g++) RunJson.WriteNumber(w, $"lr{g}", r.Lrs[g]);
            if (_momentum) { if (r.Momentum is { } m) RunJson.WriteNumber(w, "momentum", m); else w.WriteNull("momentum"); }
            RunJson.WriteNumber(w, "grad_norm", r.GradNorm);
            Optional(w, "update_ratio", r.UpdateRatio);
            Optional(w, "weight_norm", r.WeightNorm);
            w.WriteNumber("nonfinite", r.NonFinite ? 1 : 0);
            w.WriteNumber("clipped", r.Clipped ? 1 : 0);
            w.WriteNumber("skipped", r.Skipped ? 1 : 0);
            if (r.ScheduleStep is { } applied) w.WriteNumber("schedule_step", applied); else w.WriteNull("schedule_step");
            if (r.Optimizer is { Count: > 0 } optimizer)
            {
                w.WriteStartObject("optimizer");
                foreach (var (name, value) in optimizer) RunJson.WriteNumber(w, name, value);
                w.WriteEndObject();
            }
            RunJson.WriteNumber(w, "wall_ms", r.WallMs);
            w.WriteStartObject("layers");
            foreach (var (name, s) in r.Layers)
            {
                w.WriteStartObject(name);
                RunJson.WriteNumber(w, "grad_norm", s.GradNorm);
                Optional(w, "update_ratio", s.UpdateRatio);
                Optional(w, "weight_norm", s.WeightNorm);
                if (s.AngularUpdate is { } angle) RunJson.WriteNumber(w, "angular_update", angle);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            if (r.DeadUnits is { Count: > 0 } dead)
            {
                w.WriteStartObject("dead_units");
                foreach (var (name, fraction) in dead) RunJson.WriteNumber(w, name, fraction);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string F(double x) => RunJson.Format(x);

    private static double? OptimizerValue(StepRecord r, string name)
    {
        foreach (var (n, v) in r.Optimizer ?? []) if (n == name) return v;
        return null;
    }

    // Not measured on this step (not a detail step): an empty CSV cell and a JSON null, unlike a measured NaN.
    private static string O(double? x) => x is { } v ? F(v) : "";

    private static void Optional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) RunJson.WriteNumber(w, name, v); else w.WriteNull(name);
    }

    private static string B(bool x) => x ? "1" : "0";
}
