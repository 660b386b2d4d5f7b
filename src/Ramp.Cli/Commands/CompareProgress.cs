using System.Globalization;
using Ramp.Training.Studies;
using Spectre.Console;

namespace Ramp.Cli.Commands;

/// <summary>
/// Shows a grid's progress: a live Spectre.Console bar over the cells when stdout is a terminal, otherwise one
/// plain line <c>[k/n] cell: outcome</c> per finished cell. Safe to report from several threads.
/// </summary>
public sealed class CompareProgress
{
    private readonly TextWriter _output;
    private readonly int _total;
    private readonly bool _live;
    private readonly Lock _lock = new();
    private readonly string? _title;
    private int _done;

    /// <summary>Progress over <paramref name="total"/> cells written to <paramref name="output"/>; the live bar starts with <paramref
    /// name="title"/> (a halving rung and its survivors).</summary>
    public CompareProgress(TextWriter output, int total, bool plain = false, string? title = null)
    {
        _title = title;
        _output = output;
        _total = total;
        _live = !plain && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && output is StreamWriter;
    }

    /// <summary>Runs <paramref name="work"/>, which calls the action it is given once per finished cell with a one-line
    /// description.</summary>
    public void Run(Action<Action<string>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_live)
        {
            work(Line);
            return;
        }
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(_title ?? "grid"), maxValue: Math.Max(1, _total));
                work(text =>
                {
                    lock (_lock)
                    {
                        _done++;
                        task.Description = Markup.Escape($"{(_title is null ? "" : _title + ", ")}{_done}/{_total} {text}");
                        task.Increment(1);
                    }
                });
            });
    }

    private void Line(string text)
    {
        lock (_lock)
        {
            _done++;
            _output.WriteLine($"[{_done}/{_total}] {text}");
            _output.Flush();
        }
    }

    /// <summary>One line for an outcome: the cell, what happened, its final loss and time.</summary>
    public static string Describe(CellOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var what = o.Action switch
        {
            CellAction.Skipped when o.Status == "running" => $"already at step {o.Steps}",
            CellAction.Skipped => $"already {o.Status}",
            CellAction.Failed => $"FAILED: {o.Error}",
            CellAction.Resumed when o.Status == "running" => $"resumed, paused at step {o.Steps}",
            CellAction.Resumed => $"resumed, {o.Status}",
            CellAction.Restarted => $"restarted, {o.Status}",
            _ when o.Status == "running" => $"paused at step {o.Steps}",
            _ => o.Status,
        };
        var loss = double.IsNaN(o.FinalLoss) ? ""
            : $", {(o.Status == "running" ? "loss" : "final loss")} {o.FinalLoss.ToString("G4", CultureInfo.InvariantCulture)}";
        var time = o.Seconds > 0 ? $" ({o.Seconds.ToString("F1", CultureInfo.InvariantCulture)} s)" : "";
        var retried = o.Attempts > 1 && o.Action != CellAction.Failed ? $" after {o.Attempts} attempts" : "";
        return $"{o.Cell}: {what}{retried}{loss}{time}";
    }
}
