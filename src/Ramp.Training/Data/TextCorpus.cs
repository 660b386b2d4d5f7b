using System.Text;
using Ramp.Schedules;
using static TorchSharp.torch;

namespace Ramp.Training.Data;

/// <summary>
/// A character-level corpus for language models: the text, its vocabulary (the distinct characters, sorted by
/// code point) and the text as token ids. Training examples are windows: input <c>tokens[s..s+T)</c>, target
/// <c>tokens[s+1..s+T+1)</c> for a start <c>s</c> in <c>[0, Length - T)</c>.
/// </summary>
public sealed class TextCorpus
{
    private readonly Dictionary<char, int> _ids;

    /// <summary>Builds the corpus of <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ArgumentException">Fewer than two characters of text.</exception>
    public TextCorpus(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2) throw RampArgumentException.For($"{source}: a corpus needs at least 2 characters, " +
            $"got {text.Length}", nameof(text));
        Source = source;
        Vocabulary = text.Distinct().Order().ToArray();
        _ids = Vocabulary.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        Tokens = text.Select(c => _ids[c]).ToArray();
    }

    /// <summary>The shipped corpus: the first ~256 KB of Shakespeare's plays (public domain).</summary>
    public static TextCorpus Shipped() =>
        new(Encoding.UTF8.GetString(ShippedData.Read("shakespeare.txt")), "shipped:shakespeare.txt");

    /// <summary>
    /// A text file: UTF-8 (a UTF-8 byte-order mark is skipped; a UTF-16 or UTF-32 one is honoured). Refused, with the
    /// path and the offset: a folder, invalid UTF-8, a NUL character, or more than 1% control characters other than
    /// tab, line feed, carriage return and form feed (binary data read as text).
    /// </summary>
    /// <exception cref="ArgumentException">The file is not text, as above, or holds fewer than 2 characters.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TextCorpus FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw RampArgumentException.For($"{path}: is a folder, not a text file", nameof(path));
        return new TextCorpus(Decode(File.ReadAllBytes(path), path), path);
    }

    /// <summary>The text of <paramref name="bytes"/> under the rules of <see cref="FromFile"/>; <paramref name="source"/> names it in
    /// errors.</summary>
    /// <exception cref="ArgumentException">Not text.</exception>
    public static string Decode(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (encoding, skip) = bytes switch
        {
            [0xFF, 0xFE, 0, 0, ..] => (new UTF32Encoding(false, false, true), 4),
            [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(true, false, true), 4),
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding)new UTF8Encoding(false, true), 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, false, true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, false, true), 2),
            _ => (new UTF8Encoding(false, true), 0),
        };
        string text;
        try
        {
            text = encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index + skip}" : "";
            var name = encoding.WebName.ToUpperInvariant();
            throw new RampArgumentException($"{source}: not {name} text (an invalid byte sequence{at}); save it as UTF-8", e);
        }
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
            throw RampArgumentException.For($"{source}: binary data, not text (a NUL character at character {nul})", nameof(bytes));
        var control = text.Count(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'));
        if (control > text.Length / 100)
            throw RampArgumentException.For($"{source}: binary data, not text ({control} of {text.Length} characters are control " +
                "characters)", nameof(bytes));
        return text;
    }

    /// <summary>
    /// The fewest characters that give a <see cref="TextData.Split"/> at <paramref name="context"/>: one training
    /// window and a test split after a gap of one context.
    /// </summary>
    public static int MinimumLength(int context)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(context);
        var windows = 1;
        while (!(windows * 9 / 10 - context >= 1 && windows - windows * 9 / 10 >= 1)) windows++;
        return windows + context;
    }

    /// <summary>Where the text came from.</summary>
    public string Source { get; }

    /// <summary>The distinct characters; a character's id is its index here.</summary>
    public IReadOnlyList<char> Vocabulary { get; }

    /// <summary>The text as ids.</summary>
    public IReadOnlyList<int> Tokens { get; }

    /// <summary>Number of windows of <paramref name="context"/> tokens (each with its shifted target).</summary>
    public int Windows(int context)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(context);
        return Math.Max(0, Tokens.Count - context);
    }

    /// <summary>Ids of <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">A character outside the vocabulary.</exception>
    public int[] Encode(string text) => text.Select((c, i) => _ids.TryGetValue(c, out var id) ? id
        : throw RampArgumentException.For($"character '{c}' at {i} is not in the vocabulary of {Source}", nameof(text))).ToArray();

    /// <summary>The text of <paramref name="ids"/>.</summary>
    public string Decode(IEnumerable<int> ids) => new(ids.Select(i => Vocabulary[i]).ToArray());

    /// <summary>Inputs and targets for windows starting at <paramref name="starts"/>: two int64 tensors [n, context].</summary>
    public (Tensor Input, Tensor Target) Batch(IReadOnlyList<int> starts, int context)
    {
        int windows = Windows(context);
        var input = new long[starts.Count * context];
        var target = new long[starts.Count * context];
        for (int b = 0; b < starts.Count; b++)
        {
            if (starts[b] < 0 || starts[b] >= windows)
                throw new RampArgumentException(nameof(starts), starts[b], $"window start must be in [0, {windows})");
            for (int t = 0; t < context; t++)
            {
                input[b * context + t] = Tokens[starts[b] + t];
                target[b * context + t] = Tokens[starts[b] + t + 1];
            }
        }
        return (tensor(input, [starts.Count, context]), tensor(target, [starts.Count, context]));
    }
}
