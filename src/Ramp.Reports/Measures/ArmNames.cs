using System.Text.RegularExpressions;

namespace Ramp.Reports.Measures;

/// <summary>Recognises the reference arm of a comparison: the one without warmup.</summary>
public static partial class ArmNames
{
    /// <summary>
    /// Whether <paramref name="arm"/> names a no-warmup arm: <c>none</c>, <c>no-warmup</c>, <c>nowarmup</c>,
    /// <c>no_warmup</c>, <c>constant</c>, or a warmup of zero steps (<c>warmup-0</c>, <c>w0</c>, <c>W=0</c>),
    /// case-insensitively.
    /// </summary>
    public static bool IsNoWarmup(string arm) => NoWarmup().IsMatch(arm.Trim());

    /// <summary>Orders arms for display: no-warmup arms first, then by warmup length when the name holds one, then by name.</summary>
    public static IEnumerable<string> Ordered(IEnumerable<string> arms) => arms
        .OrderBy(a => IsNoWarmup(a) ? 0 : 1)
        .ThenBy(a => Digits().Match(a) is { Success: true } m && long.TryParse(m.Value, out var n) ? n : long.MaxValue)
        .ThenBy(a => a, StringComparer.Ordinal);

    [GeneratedRegex(@"^(none|no[-_ ]?warm[-_ ]?up|constant|(warm[-_ ]?up|w)[-_= ]?0+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoWarmup();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
