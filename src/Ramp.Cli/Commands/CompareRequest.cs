namespace Ramp.Cli.Commands;

/// <summary>The parsed options of <c>ramp compare</c> (names as on the command line).</summary>
/// <param name="Preset">The preset's name, or null with a grid file.</param>
/// <param name="Grid">The preset's grid size.</param>
/// <param name="GridFile">The grid file, or null with a preset.</param>
/// <param name="Out">The comparison directory.</param>
/// <param name="Jobs">Cells trained at once.</param>
/// <param name="Shard">The shard as <c>i/n</c>, or null for all.</param>
/// <param name="Seeds">The seeds' text, or null for the grid's.</param>
/// <param name="CommandLine">The command as typed (recorded in each run and in the report).</param>
public sealed record CompareRequest(
    string? Preset, string Grid, string? GridFile, string Out, int Jobs, string? Shard, string? Seeds, string CommandLine);
