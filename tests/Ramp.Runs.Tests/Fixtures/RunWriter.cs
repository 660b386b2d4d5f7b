using Ramp.Runs;

namespace Ramp.Runs.Tests.Fixtures;

/// <summary>
/// Writes a small synthetic run folder through the real writers (<see cref="RunFolder"/>, <see cref="MetricsWriter"/>)
/// and the real verdict, as a trainer would: one row per step until <see cref="Steps"/> or the first non-finite loss.
/// Shared with Ramp.Reports.Tests (linked there).
/// </summary>
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
    public Func<int, IReadOnlyList<KeyValuePair<string, LayerStats>>>? Layers { get; init; }
    public Func<int, bool>? Skipped { get; init; }
    public IReadOnlyList<RunEvent> Events { get; init; } = [];
    public bool Finished { get; init; } = true;
    public double? Unigram { get; init; }
    public double? EvalAccuracy { get; init; }
    public AutoWarmupOutcome? AutoWarmup { get; init; }

    public RunConfig Config()
    {
        return new RunConfig(ModelName.Mlp, "fashion-mnist", null, "sgd", PeakLr, "linear warmup", Steps, null, 64, Seed, "cpu")
        {
            CaseStudy = CaseStudy, Arm = Arm, PeakLr = PeakLr, UnigramBaseline = Unigram,
        };
    }

    public IReadOnlyList<StepRecord> Rows()
    {
        var rows = new List<StepRecord>();
        for (var t = 0; t < Steps; t++)
        {
            var loss = Loss(t);
            var skipped = Skipped?.Invoke(t) ?? false;
            rows.Add(new StepRecord(t, t / 10, loss, Accuracy?.Invoke(t), [Lr(t)], null, 1.0 + t, 0.001, 10, !double.IsFinite(loss), false,
                skipped, 3, Layers?.Invoke(t) ?? [], t));
            if (!double.IsFinite(loss) && !skipped) break;
        }
        return rows;
    }

    public string Write()
    {
        var folder = new RunFolder(Dir);
        var config = Config();
        folder.WriteConfig(config);
        var rows = Rows();
        new MetricsWriter(folder.Path, groups: 1, momentum: false).Append(rows);
        folder.AppendEvents(Events);
        if (Finished)
        {
            var last = rows[^1];
            var final = new FinalMetrics(last.Loss, last.Accuracy, null, EvalAccuracy);
            var (baseline, name) = Divergence.Baseline(config, rows[0].Loss);
            var evidence = new DivergenceEvidence(true, rows.FirstOrDefault(r => r.BlewUp)?.Step, final.Loss, baseline, name,
                rows.FirstOrDefault(r => r.IsNonFinite)?.Step);
            var verdict = Divergence.Judge(evidence);
            folder.WriteSummary(new RunSummary(config, verdict.Status(ended: true), rows.Count, 1.5, rows[0].Loss, final, verdict.Diverged,
                verdict.At, [], Events.Where(e => e.IsGuard).ToArray(), [], AutoWarmup));
        }
        return Dir;
    }
}
