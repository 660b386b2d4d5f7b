using System.Globalization;

namespace Ramp.Schedules;

/// <summary>
/// Construction-time validation for Ramp's own schedules. Every failure is an
/// <see cref="ArgumentOutOfRangeException"/> (or <see cref="ArgumentException"/>) whose message says who, what,
/// the allowed range and the actual value, e.g. <c>cosine: steps must be at least 1 but was 0</c>.
/// </summary>
internal static class Check
{
    public static long AtLeast(long value, long min, string param, string who) =>
        value >= min ? value : throw Range(param, value, $"{who}: {Names.Snake(param)} must be at least {min} but was {value}");

    public static double Finite(double value, string param, string who) =>
        double.IsFinite(value) ? value : throw Range(param, value, $"{who}: {Names.Snake(param)} must be finite but was {F(value)}");

    public static double NonNegative(double value, string param, string who) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw Range(param, value, $"{who}: {Names.Snake(param)} must be in [0, inf) but was {F(value)}");

    public static double Positive(double value, string param, string who) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw Range(param, value, $"{who}: {Names.Snake(param)} must be in (0, inf) but was {F(value)}");

    /// <summary>Requires <paramref name="value"/> in [lo, hi) (or [lo, hi] when <paramref name="closed"/>).</summary>
    public static double Within(double value, double lo, double hi, bool closed, string param, string who)
    {
        var ok = value >= lo && (closed ? value <= hi : value < hi);
        return ok ? value : throw Range(param, value,
            $"{who}: {Names.Snake(param)} must be in [{F(lo)}, {F(hi)}{(closed ? "]" : ")")} but was {F(value)}");
    }

    /// <summary>Requires the strict open interval (lo, hi).</summary>
    public static double Open(double value, double lo, double hi, string param, string who) =>
        value > lo && value < hi
            ? value
            : throw Range(param, value, $"{who}: {Names.Snake(param)} must be in ({F(lo)}, {F(hi)}) but was {F(value)}");

    /// <summary>Requires a non-empty, non-negative, strictly (or weakly) increasing list of steps.</summary>
    public static EquatableArray<long> Steps(EquatableArray<long> value, bool strict, int minCount, string param, string who)
    {
        if (value.Count < minCount)
            throw ScheduleArgumentException.For(
                $"{who}: {Names.Snake(param)} must hold at least {minCount} step(s) but held {value.Count}", param);
        for (var i = 0; i < value.Count; i++)
        {
            if (value[i] < 0)
                throw Range(param, value[i], $"{who}: {Names.Snake(param)}[{i}] must be at least 0 but was {value[i]}");
            if (i > 0 && (strict ? value[i] <= value[i - 1] : value[i] < value[i - 1]))
                throw Range(param, value[i],
                    $"{who}: {Names.Snake(param)} must be {(strict ? "strictly " : "")}increasing but "
                    + $"{Names.Snake(param)}[{i}] = {value[i]} follows {value[i - 1]}");
        }
        return value;
    }

    /// <summary>Requires every element finite and at least 0.</summary>
    public static EquatableArray<double> NonNegative(EquatableArray<double> value, int minCount, string param, string who)
    {
        if (value.Count < minCount)
            throw ScheduleArgumentException.For(
                $"{who}: {Names.Snake(param)} must hold at least {minCount} value(s) but held {value.Count}",
                param);
        for (var i = 0; i < value.Count; i++)
        {
            if (!double.IsFinite(value[i]) || value[i] < 0)
                throw Range(param, value[i], $"{who}: {Names.Snake(param)}[{i}] must be in [0, inf) but was {F(value[i])}");
        }
        return value;
    }

    /// <summary>Requires every element finite (the list may be empty).</summary>
    public static EquatableArray<double> FiniteList(EquatableArray<double> value, string param, string who)
    {
        for (var i = 0; i < value.Count; i++)
        {
            if (!double.IsFinite(value[i]))
                throw Range(param, value[i], $"{who}: {Names.Snake(param)}[{i}] must be finite but was {F(value[i])}");
        }
        return value;
    }

    /// <summary>Requires a named member of the enum (a cast integer is refused).</summary>
    public static T Defined<T>(T value, string param, string who) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw Range(param, value, $"{who}: {Names.Snake(param)} must be one of "
            + $"{string.Join(", ", Enum.GetNames<T>().Select(Names.Snake))} but was {value}");

    /// <summary>Requires a value that is not null.</summary>
    public static T NotNull<T>(T? value, string param, string who) where T : class =>
        value ?? throw new ArgumentNullException(param, $"{who}: {Names.Snake(param)} must be given");

    public static ScheduleArgumentException Range(string param, object actual, string message) => new(param, actual, message);

    public static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Non-negative step as a double (negative steps behave like step 0).</summary>
    public static double Step(long step) => step <= 0 ? 0.0 : step;
}
