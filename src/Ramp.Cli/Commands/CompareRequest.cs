namespace Ramp.Cli.Commands;

/// <summary>The parsed options of <c>ramp compare</c> (names as on the command line).</summary>
/// <param name="Preset">The preset's name, or null with a grid file.</param>
/// <param name="Grid">The preset's grid size.</param>
/// <param name="GridFile">The grid file, or null with a preset.</param>
/// <param name="Out">The comparison directory.</param>
/// <param name="Jobs">Cells trained at once.</param>
/// <param name="Shard">The shard as <c>i/n</c>, or null for all.</param>
/// <param name="Seeds">The seeds' text, or null for the grid's.</param>
/// <param name="Worker">Set in the child processes of <c>--jobs N</c>: <c>k/N</c>, this worker's share of the shard.</param>
/// <param name="Tokens">The command's tokens as typed, from <c>compare</c> on (for the workers and the record).</param>
/// <param name="Force">Discard the runs already in <c>DIR/runs/</c> and train the grid anew.</param>
public sealed record CompareRequest(
    string? Preset, string Grid, string? GridFile, string Out, int Jobs, string? Shard, string? Seeds, string? Worker,
        IReadOnlyList<string> Tokens,
    bool Force = false)
{
    /// <summary><c>--halving eta=N,min_steps=N</c>: successive halving's settings, or null to train every cell to its end.</summary>
    public string? Halving { get; init; }

    /// <summary><c>--devices</c>: <c>cpu</c> (null), <c>cuda</c> or <c>cuda:0,cuda:1,...</c>.</summary>
    public string? Devices { get; init; }

    /// <summary>Set in the workers of <c>--jobs N</c>: the device this worker trains on (hidden <c>--worker-device</c>).</summary>
    public string? WorkerDevice { get; init; }

    /// <summary>Set in the workers of a halving comparison: the stage they train (hidden <c>--halving-stage</c>).</summary>
    public int? Stage { get; init; }

    /// <summary><c>--rung k</c>: train only rung k (from 1) of a halving study shared by many tasks, or null for every rung.</summary>
    public int? Rung { get; init; }

    /// <summary><c>--plan</c>: print what would train (with <c>--halving</c>, each rung) and exit without training.</summary>
    public bool Plan { get; init; }

    /// <summary>The command as typed (recorded in each run and in the report), without the worker's own options.</summary>
    public string CommandLine
    {
        get
        {
            var shown = Worker is null ? Tokens : CompareWorkers.UserArgs(Tokens, "--jobs", "--worker", "--worker-device",
                "--halving-stage");
            return "ramp " + string.Join(' ', shown.Select(t => t.Contains(' ') ? $"\"{t}\"" : t));
        }
    }
}
