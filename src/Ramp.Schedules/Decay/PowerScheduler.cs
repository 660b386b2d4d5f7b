using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// The Power scheduler (Shen et al. 2024), as a factor of the base rate, which is the cap (the paper's
/// <c>lr_max</c>). With <c>n = (t + 1) * tokens</c> the tokens seen once the (t+1)-th update's batch is in, and the
/// capped power law <c>P(n) = min(1, a * n^b)</c>:
/// warmup <c>n / N_w * P(N_w)</c> while <c>n &lt; N_w = warmup * tokens</c>; then <c>P(n)</c>; and when a decay is
/// given, over the last <c>decay</c> steps of <c>total</c>, <c>P(N_d) * shape(p)</c> with <c>N_d = (total - decay) * tokens</c>
/// and <c>p = (t + 1 - (total - decay)) / decay</c>, so the linear, cosine, sqrt and square shapes reach 0 at the last
/// step <c>total - 1</c>; held from there on. Text <c>power(a, b, warmup=0, decay=0, total=0, tokens=1, shape=linear,
/// half_life=none)</c>.
/// </summary>
/// <remarks>
/// The paper's rate is <c>min(lr_max, beta * a_paper * n^b)</c> with beta the batch size; as a factor of
/// <c>lr_max</c> that is <c>a = beta * a_paper / lr_max</c> (the paper's a_paper = 4.6, b = -0.51, lr_max = 0.02).
/// </remarks>
/// <param name="A">Coefficient of the power law, in units of the base rate, finite and above 0.</param>
/// <param name="B">Exponent, finite and at most 0 (the paper's -0.51).</param>
/// <param name="Warmup">Warmup steps, at least 0; the warmup rises in a straight line to <c>P(warmup * tokens)</c>.</param>
/// <param name="Decay">Steps of the final decay, at least 0 (0: none, the power law goes on for ever).</param>
/// <param name="Total">The run's length in steps, required by a decay and used by nothing else; the decay starts at
/// <c>total - decay</c>, which must not come before the warmup's end.</param>
/// <param name="Tokens">Tokens per step, at least 1; 1 counts steps instead of tokens.</param>
/// <param name="Shape">Shape of the final decay; default linear.</param>
/// <param name="HalfLife">Steps in which the exp shape halves; required by exp and refused by the other shapes.</param>
public sealed record PowerScheduler(double A, double B, long Warmup = 0, long Decay = 0, long Total = 0, long Tokens = 1,
    DecayShape Shape = DecayShape.Linear, long? HalfLife = null) : Schedule
{
    internal const string Name = "power";

    /// <summary>Coefficient of the power law, in units of the base rate, above 0.</summary>
    public double A { get; } = Check.Positive(A, nameof(A), Name);

    /// <summary>Exponent, at most 0.</summary>
    public double B { get; } = double.IsFinite(B) && B <= 0 ? B
        : throw Check.Range(nameof(B), B, $"power: b must be in (-inf, 0] but was {Check.F(B)}");

    /// <summary>Warmup steps, at least 0.</summary>
    public long Warmup { get; } = Check.AtLeast(Warmup, 0, nameof(Warmup), Name);

    /// <summary>Steps of the final decay, at least 0.</summary>
    public long Decay { get; } = Check.AtLeast(Decay, 0, nameof(Decay), Name);

    /// <summary>The run's length in steps when there is a decay; 0 otherwise.</summary>
    public long Total { get; } = CheckTotal(Total, Decay, Warmup);

    /// <summary>Tokens per step, at least 1.</summary>
    public long Tokens { get; } = Check.AtLeast(Tokens, 1, nameof(Tokens), Name);

    /// <summary>Shape of the final decay.</summary>
    public DecayShape Shape { get; } = DecayShapeFormula.Defined(Shape, Name);

    /// <summary>Steps in which the exp shape halves; null for the other shapes.</summary>
    public long? HalfLife { get; } = DecayShapeFormula.HalfLife(Shape, HalfLife, Name);

    /// <summary>The capped power law <c>min(1, a * n^b)</c> at <paramref name="tokens"/> tokens seen.</summary>
    private double Law(double tokens) => Math.Min(1.0, A * Math.Pow(tokens, B));

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        // Whole updates, as a double: (t + 1) * tokens passes long's range long before it matters here.
        var updates = (double)Math.Max(0, step) + 1;
        if (updates < Warmup) return updates / Warmup * Law((double)Warmup * Tokens);
        var decayStart = Total - Decay;
        if (Decay == 0 || updates <= decayStart) return Law(updates * Tokens);
        var into = step >= Total - 1 ? Decay : Math.Max(0, step) + 1 - decayStart;
        return Law((double)decayStart * Tokens) * DecayShapeFormula.Of(Shape, into, Decay, HalfLife);
    }

    private static long CheckTotal(long total, long decay, long warmup)
    {
        if (decay == 0)
        {
            return total == 0 ? 0
                : throw Check.Range(nameof(Total), total, $"power: total is used only by a decay, but decay was 0 and total {total}");
        }
        return total - decay >= warmup && total >= 1 ? total
            : throw Check.Range(nameof(Total), total,
                $"power: total must be at least warmup + decay = {warmup + decay} but was {total}");
    }

    /// <summary>The native text, e.g. <c>power(10, -0.5, warmup=50, decay=100, total=1000)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
