using System.Globalization;

namespace Ramp.Cli.Cli;

/// <summary>How <c>ramp</c> prints numbers: shortest round-trip form, invariant culture (<c>0.1</c>, <c>1E-05</c>).</summary>
public static class CsvNumber
{
    /// <summary>The shortest text that parses back to exactly <paramref name="value"/>.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
