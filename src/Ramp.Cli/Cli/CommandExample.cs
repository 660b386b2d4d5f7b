namespace Ramp.Cli.Cli;

/// <summary>One example shown under <c>Examples:</c> in a command's <c>--help</c>.</summary>
/// <param name="CommandLine">The full command line as a user types it, starting with <c>ramp</c>.</param>
/// <param name="Explanation">What the example does, in one short sentence.</param>
public sealed record CommandExample(string CommandLine, string Explanation);
