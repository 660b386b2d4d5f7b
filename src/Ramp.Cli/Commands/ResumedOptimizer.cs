using System.Globalization;
using System.Text.Json;
using Ramp.Cli.Cli;
using Ramp.Runs;

namespace Ramp.Cli.Commands;

/// <summary>
/// Before <c>--resume</c> loads an optimizer state: the run's <c>config.json</c> must name the optimizer and settings
/// given now, because a state saved by another optimizer cannot be loaded into this one (libtorch's reader fails deep
/// inside, or a state of the same shape is read as something else).
/// </summary>
internal static class ResumedOptimizer
{
    /// <summary>Throws a usage error naming what differs; folders without a config (or older ones without settings) pass on what they
    /// record.</summary>
    /// <exception cref="UsageException">The optimizer or one of its settings differs from the recorded one, or the config cannot be
    /// read.</exception>
    public static void Check(string folder, string optimizer, IReadOnlyDictionary<string, object> settings)
    {
        var run = new RunFolder(folder);
        if (!File.Exists(run.ConfigFile)) return;
        RunConfig config;
        try
        {
            config = run.ReadConfig();
        }
        catch (RunFolderException e)
        {
            throw new UsageException($"--resume: {CommandLineRunner.OneLine(e.Message)}", e);
        }
        if (config.Optimizer != optimizer)
            throw new UsageException($"--resume: --optimizer {optimizer} does not match the run in {folder}, which was trained " +
                $"with {config.Optimizer}");
        if (config.Extra?.GetValueOrDefault("optimizer_settings") is not JsonElement { ValueKind: JsonValueKind.Object } recorded) return;
        var before = recorded.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value));
        var now = settings.ToDictionary(p => p.Key, p => Text(JsonSerializer.SerializeToElement(p.Value)));
        var differ = now.Keys.Union(before.Keys).Where(k => now.GetValueOrDefault(k) != before.GetValueOrDefault(k)).ToArray();
        if (differ.Length > 0)
            throw new UsageException($"--resume: the run in {folder} was trained with {Describe(before, differ)}, " +
                $"not {Describe(now, differ)}");
    }

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => e.ToString(),
    };

    private static string Describe(Dictionary<string, string> settings, string[] keys) =>
        string.Join(", ", keys.Select(k => $"{k} {settings.GetValueOrDefault(k) ?? "(none)"}"));
}
