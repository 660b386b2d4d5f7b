using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Cosine with warm restarts (SGDR). Cycle i lasts <c>period * mult ^ i</c> steps and peaks at <c>decay ^ i</c>;
/// within it <c>f = floor + (decay ^ i - floor) * (1 + cos(pi * c / L_i)) / 2</c> with c the steps into the cycle.
/// After <c>cycles</c> cycles (0 = never) the factor is held at <c>floor</c>.
/// Text <c>cosine_restarts(period, mult=1, decay=1, cycles=0, floor=0)</c>.
/// </summary>
/// <param name="Period">Length of the first cycle, at least 1.</param>
/// <param name="Mult">Integer growth of each cycle's length, at least 1; default 1.</param>
/// <param name="Decay">Peak multiplier per cycle, above 0; default 1.</param>
/// <param name="Cycles">Number of cycles before holding at floor, at least 0 (0 = unlimited); default 0.</param>
/// <param name="Floor">Lowest factor, in [0, 1]; default 0.</param>
public sealed record CosineRestarts(long Period, long Mult = 1, double Decay = 1, long Cycles = 0, double Floor = 0) : Schedule
{
    internal const string Name = "cosine_restarts";

    /// <summary>Length of the first cycle, at least 1.</summary>
    public long Period { get; } = Check.AtLeast(Period, 1, nameof(Period), Name);

    /// <summary>Integer growth of each cycle's length, at least 1.</summary>
    public long Mult { get; } = Check.AtLeast(Mult, 1, nameof(Mult), Name);

    /// <summary>Peak multiplier per cycle, above 0.</summary>
    public double Decay { get; } = Check.Positive(Decay, nameof(Decay), Name);

    /// <summary>Number of cycles before holding at floor (0 = unlimited).</summary>
    public long Cycles { get; } = Check.AtLeast(Cycles, 0, nameof(Cycles), Name);

    /// <summary>Lowest factor, in [0, 1].</summary>
    public double Floor { get; } = Check.Within(Floor, 0, 1, true, nameof(Floor), Name);

    /// <summary>Total length of the limited cycles, or null when unlimited (or beyond <see cref="long"/>).</summary>
    public long? Length
    {
        get
        {
            if (Cycles == 0) return null;
            long total = 0, length = Period;
            for (var i = 0L; i < Cycles; i++)
            {
                if (total > long.MaxValue - length) return null;
                total += length;
                if (i + 1 < Cycles && length > long.MaxValue / Mult) return null;
                length *= i + 1 < Cycles ? Mult : 1;
            }
            return total;
        }
    }

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var t = Math.Max(0L, step);
        long cycle, into, length;
        if (Mult == 1)
        {
            cycle = t / Period;
            into = t - cycle * Period;
            length = Period;
        }
        else
        {
            long start = 0;
            cycle = 0;
            length = Period;
            while (t - start >= length)
            {
                start += length;
                cycle++;
                length = length > long.MaxValue / Mult ? long.MaxValue : length * Mult;
            }
            into = t - start;
        }
        if (Cycles > 0 && cycle >= Cycles) return Floor;
        var peak = Decay == 1.0 ? 1.0 : Math.Pow(Decay, cycle);
        return Floor + (peak - Floor) * 0.5 * (1.0 + Math.Cos(Math.PI * ((double)into / length)));
    }

    /// <summary>The native text, e.g. <c>cosine_restarts(100, mult=2)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
