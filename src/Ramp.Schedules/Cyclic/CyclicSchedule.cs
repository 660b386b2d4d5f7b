using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Cyclic;

/// <summary>
/// Cyclical learning rate (Smith 2017) as factors. With <c>L = up + down</c>, cycle <c>c = floor(t / L)</c> and
/// <c>i = t - c * L</c>: <c>s = i / up</c> while rising (<c>i &lt;= up</c>), else <c>(L - i) / down</c>;
/// <c>f(t) = low + (high - low) * s * a</c> with amplitude a = 1 (triangular), <c>1 / 2^c</c> (triangular2) or
/// <c>gamma ^ t</c> (exp_range). Momentum moves inversely: <c>max_momentum - (max_momentum - min_momentum) * s * a</c>.
/// Text <c>cyclic(up, down=up, low=0.1, high=1, mode=triangular, gamma=1, ...)</c>.
/// </summary>
/// <param name="Up">Steps rising from low to high, at least 1.</param>
/// <param name="Down">Steps falling back, at least 1; default null = <paramref name="Up"/>.</param>
/// <param name="Low">Lowest factor, at least 0; default 0.1.</param>
/// <param name="High">Highest factor, at least 0; default 1.</param>
/// <param name="Mode">Amplitude rule; default triangular.</param>
/// <param name="Gamma">Per-step amplitude decay for exp_range, in (0, 1]; default 1.</param>
/// <param name="CycleMomentum">Whether momentum is scheduled; default true.</param>
/// <param name="MinMomentum">Momentum at the high rate, in [0, 1]; default 0.8.</param>
/// <param name="MaxMomentum">Momentum at the low rate, in [0, 1]; default 0.9.</param>
public sealed record CyclicSchedule(long Up, long? Down = null, double Low = 0.1, double High = 1,
    CyclicMode Mode = CyclicMode.Triangular, double Gamma = 1, bool CycleMomentum = true, double MinMomentum = 0.8,
    double MaxMomentum = 0.9) : Schedule, ICyclesMomentum
{
    internal const string Name = "cyclic";

    /// <summary>Steps rising from low to high, at least 1.</summary>
    public long Up { get; } = Check.AtLeast(Up, 1, nameof(Up), Name) <= Half
        ? Up : throw Check.Range(nameof(Up), Up, $"cyclic: up must be at most {Half} but was {Up}");

    /// <summary>Steps falling back (null = <see cref="Up"/>).</summary>
    public long? Down { get; } = Down is not { } d ? null : Check.AtLeast(d, 1, nameof(Down), Name) <= Half
        ? d : throw Check.Range(nameof(Down), d, $"cyclic: down must be at most {Half} but was {d}");

    private const long Half = long.MaxValue / 2;

    /// <summary>Lowest factor.</summary>
    public double Low { get; } = Check.NonNegative(Low, nameof(Low), Name);

    /// <summary>Highest factor.</summary>
    public double High { get; } = Check.NonNegative(High, nameof(High), Name);

    /// <summary>Amplitude rule.</summary>
    public CyclicMode Mode { get; } = Enum.IsDefined(Mode) ? Mode
        : throw Check.Range(nameof(Mode), Mode, $"cyclic: mode must be triangular, triangular2 or exp_range but was {(int)Mode}");

    /// <summary>Per-step amplitude decay for exp_range.</summary>
    public double Gamma { get; } = Gamma > 0 && Gamma <= 1
        ? Gamma : throw Check.Range(nameof(Gamma), Gamma, $"cyclic: gamma must be in (0, 1] but was {Check.F(Gamma)}");

    /// <inheritdoc />
    public bool CycleMomentum { get; } = CycleMomentum;

    /// <summary>Momentum at the high rate.</summary>
    public double MinMomentum { get; } = Check.Within(MinMomentum, 0, 1, true, nameof(MinMomentum), Name);

    /// <summary>Momentum at the low rate.</summary>
    public double MaxMomentum { get; } = Check.Within(MaxMomentum, 0, 1, true, nameof(MaxMomentum), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) => Low + (High - Low) * Height(step);

    /// <inheritdoc />
    public double MomentumAt(long step) => MaxMomentum - (MaxMomentum - MinMomentum) * Height(step);

    private double Height(long step)
    {
        var t = Math.Max(0L, step);
        var down = Down ?? Up;
        var length = Up + down;
        var cycle = t / length;
        var into = t - cycle * length;
        var s = into <= Up ? (double)into / Up : (double)(length - into) / down;
        var amplitude = Mode switch
        {
            CyclicMode.Triangular => 1.0,
            CyclicMode.Triangular2 => Math.Pow(0.5, cycle),
            _ => Math.Pow(Gamma, t),
        };
        return s * amplitude;
    }

    /// <summary>The native text, e.g. <c>cyclic(2000, low=0.01)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
