using System.Globalization;

namespace Ramp.Training.Studies.Halving;

/// <summary>
/// The settings of successive halving (<c>ramp compare --halving eta=3,min_steps=100</c>): every cell trains to a
/// first rung, the best 1/<see cref="Eta"/> of each arm's cells go on to a rung <see cref="Eta"/> times later, and so
/// on; the last survivors train to the full length.
/// </summary>
/// <param name="Eta">The reduction factor, at least 2: each rung keeps the ceiling of 1/eta of the cells and is eta times as far.</param>
/// <param name="MinSteps">The earliest first rung, at least 1; an arm's first rung is also never before the end of its warmup.</param>
public sealed record HalvingOptions(int Eta, long MinSteps)
{
    /// <summary>Parses <c>eta=3,min_steps=100</c> (both fields, any order).</summary>
    /// <exception cref="FormatException">The text is not of that form, or a value is out of range; the message says which.</exception>
    public static HalvingOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? eta = null;
        long? minSteps = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2) throw new FormatException($"expected eta=N,min_steps=N (e.g. eta=3,min_steps=100) but found '{part}'");
            var value = long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
            switch (kv[0])
            {
                case "eta" when value is >= 2 and <= 100:
                    eta = (int)value;
                    break;
                case "min_steps" when value >= 1:
                    minSteps = value;
                    break;
                case "eta" or "min_steps":
                    var range = kv[0] == "eta" ? "from 2 to 100" : "of at least 1";
                    throw new FormatException($"{kv[0]} must be a whole number {range} but was '{kv[1]}'");
                default:
                    throw new FormatException($"expected eta=N,min_steps=N (e.g. eta=3,min_steps=100) but found '{part}'");
            }
        }
        if (eta is null || minSteps is null)
            throw new FormatException($"expected eta=N,min_steps=N (e.g. eta=3,min_steps=100) but found '{text}'");
        return new HalvingOptions(eta.Value, minSteps.Value);
    }
}
