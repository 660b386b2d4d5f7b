using System.Text.Json;

namespace Ramp.Runs;

/// <summary>Reads an append-only JSON-lines file, one object per line, tolerating a partial last line.</summary>
internal static class JsonLines
{
    /// <summary>
    /// Converts each line of <paramref name="path"/> with <paramref name="convert"/>. A last line without its
    /// newline that does not parse is dropped and reported through <paramref name="truncated"/>; any other
    /// bad line throws.
    /// </summary>
    /// <exception cref="RunFolderException">Naming <paramref name="shown"/> and the line.</exception>
    internal static List<T> Read<T>(string path, string shown, Func<JsonElement, T> convert, out bool truncated)
    {
        truncated = false;
        var items = new List<T>();
        foreach (var line in TextLines.Read(path))
        {
            try
            {
                using var doc = JsonDocument.Parse(line.Text);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
                items.Add(convert(doc.RootElement));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                if (line.MaybePartial) { truncated = true; continue; }
                throw new RunFolderException(shown, line.Number, Describe(e));
            }
        }
        return items;
    }

    /// <summary>The 1-based line of a JSON problem (the parser counts from 0), or 0 when it has none.</summary>
    internal static int LineOf(Exception e) => e is JsonException { LineNumber: { } n } ? (int)n + 1 : 0;

    /// <summary>A one-line description of a JSON problem without the parser's own position noise.</summary>
    internal static string Describe(Exception e) => e is JsonException j
        ? $"not valid JSON ({j.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.')})"
        : e.Message;
}
