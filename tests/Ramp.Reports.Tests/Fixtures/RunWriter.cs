using System.Globalization;
using System.Text;

namespace Ramp.Reports.Tests.Fixtures;

/// <summary>Writes a small synthetic run folder the way the training stack does (docs/run-folder.md).</summary>
internal sealed class RunWriter
{
    public required string Dir { get; init; }
    public string CaseStudy { get; init; } = "mlp";
    public string Arm { get; init; } = "no-warmup";
    public double PeakLr { get; init; } = 0.1;
    public int Seed { get; init; } = 1;
    public int Steps { get; init; } = 50;
    public Func<int, double> Loss { get; init; } = t => 2.3 * Math.Exp(-t / 20.0) + 0.2;
    public Func<int, double>? Accuracy { get; init; } = t => 1 - 0.9 * Math.Exp(-t / 20.0);
    public Func<int, double> Lr { get; init; } = _ => 0.1;
    public Func<int, string?>? Layers { get; init; }
    public IReadOnlyList<string> Events { get; init; } = [];
    public bool Finished { get; init; } = true;
    public double? Unigram { get; init; }
    public double? EvalAccuracy { get; init; }

    public static string N(double v) => double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "Infinity"
        : double.IsNegativeInfinity(v) ? "-Infinity" : v.ToString("R", CultureInfo.InvariantCulture);

    static string J(double v) => double.IsFinite(v) ? N(v) : $"\"{N(v)}\"";

    public string Write()
    {
        Directory.CreateDirectory(Dir);
        var unigram = Unigram is { } u ? $", \"unigram_baseline\": {N(u)}" : "";
        File.WriteAllText(Path.Combine(Dir, "config.json"),
            $"{{\"case_study\": \"{CaseStudy}\", \"arm\": \"{Arm}\", \"peak_lr\": {N(PeakLr)}, \"seed\": {Seed}, " +
            $"\"schedule\": \"linear warmup\", \"steps\": {Steps}, \"optimizer\": {{\"name\": \"sgd\"}}{unigram}}}");
        var csv = new StringBuilder("step,epoch,loss,accuracy,lr,grad_norm,update_ratio,weight_norm,nonfinite,clipped,skipped,wall_ms\n");
        var jsonl = new StringBuilder();
        var last = 0;
        for (var t = 0; t < Steps; t++)
        {
            var loss = Loss(t);
            var acc = Accuracy?.Invoke(t) ?? double.NaN;
            var nonfinite = double.IsFinite(loss) ? 0 : 1;
            csv.Append(CultureInfo.InvariantCulture, $"{t},{N(t / 10.0)},{N(loss)},{(Accuracy is null ? "" : N(acc))},{N(Lr(t))},{N(1.0 + t)},0.001,10,{nonfinite},0,0,3\n");
            if (Layers?.Invoke(t) is { } layers)
                jsonl.Append(CultureInfo.InvariantCulture, $"{{\"step\": {t}, \"loss\": {J(loss)}, \"lr\": {N(Lr(t))}, \"layers\": {layers}}}\n");
            last = t;
            if (!double.IsFinite(loss)) break;
        }
        File.WriteAllText(Path.Combine(Dir, "metrics.csv"), csv.ToString());
        if (jsonl.Length > 0) File.WriteAllText(Path.Combine(Dir, "metrics.jsonl"), jsonl.ToString());
        File.WriteAllText(Path.Combine(Dir, "events.jsonl"), string.Concat(Events.Select(e => e + "\n")));
        if (Finished)
        {
            var final = Loss(last);
            var diverged = !double.IsFinite(final);
            var accText = Accuracy is null ? "null" : J(Accuracy(last));
            var eval = EvalAccuracy is { } e ? J(e) : "null";
            File.WriteAllText(Path.Combine(Dir, "summary.json"),
                $"{{\"status\": \"{(diverged ? "diverged" : "finished")}\", \"steps\": {last + 1}, \"wall_seconds\": 1.5, " +
                $"\"initial_loss\": {J(Loss(0))}, \"final\": {{\"loss\": {J(final)}, \"accuracy\": {accText}, \"eval_loss\": null, \"eval_accuracy\": {eval}}}, " +
                $"\"diverged\": {(diverged ? "true" : "false")}, \"diverged_at\": {(diverged ? last.ToString(CultureInfo.InvariantCulture) : "null")}, \"diagnosis\": [], \"guard_events\": []}}");
        }
        return Dir;
    }
}
