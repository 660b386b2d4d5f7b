using Ramp.Runs;
using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Loop;
using Ramp.Training.Monitoring;
using Spectre.Console;

namespace Ramp.Cli.Commands;

/// <summary>
/// Shows training progress: a live Spectre.Console bar (loss, lr, steps/s, time left) when stdout is a terminal,
/// otherwise a plain line about every 10% of the run.
/// </summary>
public sealed class TrainProgress
{
    private readonly TextWriter _output;
    private readonly long _steps;
    private readonly bool _live;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _nextLine;
    private long? _firstStep;
    private ProgressTask? _task;

    /// <summary>Progress for a run of <paramref name="steps"/> steps written to <paramref name="output"/>.</summary>
    public TrainProgress(TextWriter output, long steps)
    {
        _output = output;
        _steps = steps;
        // A live bar only on an interactive terminal; files, pipes and tests get plain lines.
        _live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && output is StreamWriter;
    }

    /// <summary>Runs <paramref name="trainer"/> under the display and returns its summary.</summary>
    public RunSummary Run(Trainer trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        if (!_live) return trainer.Run().Summary;
        RunSummary? summary = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                _task = ctx.AddTask("training", maxValue: _steps);
                summary = trainer.Run().Summary;
                _task.Value = _steps;
            });
        return summary!;
    }

    /// <summary>Receives each batch of read-back rows from the trainer.</summary>
    public void Report(IReadOnlyList<StepRecord> rows)
    {
        if (rows.Count == 0) return;
        var last = rows[^1];
        _firstStep ??= rows[0].Step;
        var done = last.Step + 1;
        var rate = (done - _firstStep.Value) / Math.Max(1e-9, _clock.Elapsed.TotalSeconds);
        var text = $"step {done}/{_steps}  loss {N(last.Loss)}  lr {N(last.Lrs[0])} " +
            $" {rate.ToString("F1", CultureInfo.InvariantCulture)} steps/s";
        if (_task is not null)
        {
            _task.Value = done;
            _task.Description = Markup.Escape(text);
            return;
        }
        if (done < _nextLine && done < _steps) return;
        var left = rate > 0 ? TimeSpan.FromSeconds((_steps - done) / rate) : TimeSpan.Zero;
        _output.WriteLine($"{text}  {left:hh\\:mm\\:ss} left");
        _nextLine = done + Math.Max(1, _steps / 10);
    }

    /// <summary>The closing line: status, losses, accuracy, diagnosis count and folder.</summary>
    public static string Describe(RunSummary s, string folder)
    {
        ArgumentNullException.ThrowIfNull(s);
        var accuracy = s.Final.EvalAccuracy is { } a ? $", test accuracy {N(a)}" : "";
        var evalLoss = s.Final.EvalLoss is { } e ? $", test loss {N(e)}" : "";
        var findings = s.Diagnosis.Count == 0 ? "" : $"; diagnosis: {string.Join("; ", s.Diagnosis.Select(f => f.Headline()))}";
        var auto = s.AutoWarmup is { } w ? Environment.NewLine + w.Message : "";
        var status = RunJson.Name(s.Status) + (s.DivergedAt is { } at ? $" (from step {at})" : "");
        return $"{status} after {s.Steps} steps: loss {N(s.InitialLoss)} -> {N(s.Final.Loss)}{evalLoss}{accuracy}{findings} " +
            $"({folder}){auto}";
    }

    private static string N(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
