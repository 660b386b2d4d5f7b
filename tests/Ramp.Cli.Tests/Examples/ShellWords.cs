using System.Text;

namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// Splits a documented command line the way bash would for the forms the docs use: words separated by blanks,
/// "double" and 'single' quotes, a trailing <c># comment</c> and a trailing <c>&amp;</c> (run in the background).
/// </summary>
public static class ShellWords
{
    /// <summary>The words of <paramref name="line"/> and its comment (empty when none).</summary>
    public static (List<string> Words, string Comment) Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quote != '\0')
            {
                if (ch == quote) quote = '\0';
                else if (ch == '\\' && quote == '"' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$') word.Append(line[++i]);
                else word.Append(ch);
                continue;
            }
            if (ch is '"' or '\'') { quote = ch; inWord = true; continue; }
            if (ch == '#' && !inWord) return (Finish(words, word, inWord), line[(i + 1)..].Trim());
            if (char.IsWhiteSpace(ch))
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
                continue;
            }
            word.Append(ch);
            inWord = true;
        }
        if (quote != '\0') throw new FormatException($"unclosed {quote} in: {line}");
        return (Finish(words, word, inWord), "");
    }

    private static List<string> Finish(List<string> words, StringBuilder word, bool inWord)
    {
        if (inWord) words.Add(word.ToString());
        if (words.Count > 0 && words[^1] == "&") words.RemoveAt(words.Count - 1);
        return words;
    }
}
