using System.Text;
using System.Text.Json;

namespace Ramp.Runs;

/// <summary>
/// <c>DIR/halving.jsonl</c> of a comparison trained with successive halving (<c>ramp compare --halving</c>): one
/// <see cref="HalvingDecision"/> a line. The decisions follow from the runs' rows, so the file is rewritten whole
/// (atomically) after each rung; the report reads it to tell pruned cells from failed ones.
/// </summary>
public static class HalvingLog
{
    /// <summary>The file's name in the comparison directory.</summary>
    public const string FileName = "halving.jsonl";

    /// <summary>Replaces <paramref name="studyDir"/>'s log with <paramref name="decisions"/>.</summary>
    public static void Write(string studyDir, IEnumerable<HalvingDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var text = new StringBuilder();
        foreach (var d in decisions) text.Append(JsonSerializer.Serialize(d, RunJson.Line)).Append('\n');
        AtomicFile.WriteAllText(Path.Combine(studyDir, FileName), text.ToString());
    }

    /// <summary>The decisions in <paramref name="studyDir"/>'s log; empty when the comparison has none.</summary>
    /// <exception cref="RunFolderException">When a line is malformed.</exception>
    public static IReadOnlyList<HalvingDecision> Read(string studyDir)
    {
        var path = Path.Combine(studyDir, FileName);
        if (!File.Exists(path)) return [];
        return JsonLines.Read(path, path, e => e.Deserialize<HalvingDecision>(RunJson.Line)
            ?? throw new FormatException("a decision is null"), out _);
    }
}
