namespace Ramp.Runs;

/// <summary>
/// Reads an append-only text file line by line, telling which line is an unfinished tail: a last line with no
/// newline after it is what a writer that was still running, or was killed, left behind.
/// </summary>
internal static class TextLines
{
    /// <summary>One line: its 1-based number, its text, and whether it may be a partial write.</summary>
    internal readonly record struct Line(int Number, string Text, bool MaybePartial);

    /// <summary>The non-empty lines of <paramref name="path"/>; an absent file gives none.</summary>
    internal static IReadOnlyList<Line> Read(string path)
    {
        if (!System.IO.File.Exists(path)) return [];
        string text;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
            text = reader.ReadToEnd();
        var endsWithNewline = text.EndsWith('\n');
        var raw = text.Split('\n');
        var lines = new List<Line>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var last = i == raw.Length - 1;
            lines.Add(new Line(i + 1, line, last && !endsWithNewline));
        }
        return lines;
    }
}
