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
    /// <summary>The command as typed (recorded in each run and in the report), without the worker's own options.</summary>
    public string CommandLine
    {
        get
        {
            var shown = Worker is null ? Tokens : CompareWorkers.WorkerArgs(Tokens, 0, 1)[..^4];
            return "ramp " + string.Join(' ', shown.Select(t => t.Contains(' ') ? $"\"{t}\"" : t));
        }
    }
}
