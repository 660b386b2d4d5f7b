using System.Globalization;
using Ramp.Schedules;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// edge: a fixed fraction of the range test's edge, the learning rate at which the loss, past its lowest point,
/// first rises <see cref="Rise"/> times above it. Meant for a series smoothed without lag (<see cref="RangeSeries.ZeroLag"/>).
/// </summary>
/// <remarks>
/// <para>Why the edge and not the descent: on a short run the ramp is itself training, so the loss often falls at
/// every rate (a deep network from a large initialisation halves its loss before the rate matters) or is flat over
/// two decades; the middle of a "descent" then says little. Where the loss turns up is sharp in every curve: past it
/// the rate is too large for the weights the ramp has reached. The best peak of a decaying schedule lies a little
/// below that edge (measured: docs/find-lr.md, the table), so the pick is the edge divided by <see cref="Divisor"/>.</para>
/// <para>A rise, not a blow-up: a network can fail by collapsing to a constant prediction, whose loss (ln 10 for ten
/// classes) is far below the 4x that stops the range test; a rise of a quarter above the minimum catches both.</para>
/// <para>No edge (the loss never rose that far): no suggestion; the ramp ended too early (a larger end lr) or the
/// loss never fell.</para>
/// </remarks>
/// <param name="Rise">The edge is where the loss first exceeds this multiple of its minimum; &gt; 1. Default 1.25.</param>
/// <param name="Divisor">The pick is the edge divided by this; &gt;= 1. Default 1.5.</param>
public sealed record EdgeRule(double Rise = 1.25, double Divisor = 1.5) : SuggestionRule
{
    /// <summary>Multiple of the minimum that marks the edge.</summary>
    public double Rise { get; } = Rise > 1 && double.IsFinite(Rise)
        ? Rise
        : throw new RampArgumentException(nameof(Rise), Rise, $"edge: rise must be finite and > 1 but was {Rise}");

    /// <summary>Divisor applied to the edge.</summary>
    public double Divisor { get; } = Divisor >= 1 && double.IsFinite(Divisor)
        ? Divisor
        : throw new RampArgumentException(nameof(Divisor), Divisor, $"edge: divisor must be finite and >= 1 but was {Divisor}");

    /// <inheritdoc />
    public override string Name => "edge";

    /// <summary>The index of the edge point in <paramref name="series"/>, and of the minimum before it; null edge when the loss never rose
    /// <see cref="Rise"/> times above its minimum.</summary>
    public (int Minimum, int? Edge) Find(RangeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var best = 0;
        for (var i = 1; i < series.Count; i++)
        {
            if (series.Losses[i] < series.Losses[best]) best = i;
            else if (series.Losses[best] > 0 && series.Losses[i] > Rise * series.Losses[best]) return (best, i);
        }
        return (best, null);
    }

    /// <inheritdoc />
    public override LrSuggestion Suggest(RangeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2) return TooShort(series, 2);
        var (minimum, edge) = Find(series);
        if (edge is not { } e)
            return LrSuggestion.None(Name, string.Create(CultureInfo.InvariantCulture,
                $"edge: no suggestion, the loss never rose {Rise:G3}x above its lowest point (lr {series.Lrs[minimum]:G3}); ")
                + "the ramp may have ended too early");
        var lr = series.Lrs[e] / Divisor;
        var lowest = string.Create(CultureInfo.InvariantCulture, $"{series.Losses[minimum]:G4} at lr {series.Lrs[minimum]:G4}");
        return new LrSuggestion(Name, lr, e, string.Create(CultureInfo.InvariantCulture,
            $"edge: lr {lr:G4}, 1/{Divisor:G3} of lr {series.Lrs[e]:G4} where the loss rose {Rise:G3}x above its lowest point ({lowest})"));
    }
}
