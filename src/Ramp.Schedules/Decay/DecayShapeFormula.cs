namespace Ramp.Schedules.Decay;

/// <summary>
/// The one definition of each <see cref="DecayShape"/>, shared by <see cref="WarmupStableDecay"/> and
/// <see cref="PowerScheduler"/>: the factor, from 1 at the start of a decay of <c>length</c> steps down to 0 at its end
/// (exp: down to <c>0.5^(length / half_life)</c>).
/// </summary>
internal static class DecayShapeFormula
{
    /// <summary>The shape's factor <paramref name="into"/> steps into the decay (clamped to [0, length]).</summary>
    public static double Of(DecayShape shape, long into, long length, long? halfLife)
    {
        var d = Math.Clamp(into, 0, length);
        if (shape == DecayShape.Exp) return Math.Pow(0.5, (double)d / halfLife!.Value);
        var p = d == length ? 1.0 : (double)d / length;
        return shape switch
        {
            DecayShape.Linear => 1.0 - p,
            DecayShape.Cosine => 0.5 * (1.0 + Math.Cos(Math.PI * p)),
            DecayShape.Sqrt => 1.0 - Math.Sqrt(p),
            _ => 1.0 - p * p,
        };
    }

    /// <summary>A defined shape, or the error naming <paramref name="who"/> and every shape.</summary>
    public static DecayShape Defined(DecayShape shape, string who) => Enum.IsDefined(shape) ? shape
        : throw Check.Range("Shape", shape, $"{who}: shape must be linear, cosine, sqrt, square or exp but was {(int)shape}");

    /// <summary>The half-life, required by exp (at least 1) and refused by every other shape.</summary>
    public static long? HalfLife(DecayShape shape, long? halfLife, string who) => (shape, halfLife) switch
    {
        (DecayShape.Exp, null) => throw ScheduleArgumentException.For(
            $"{who}: shape=exp needs half_life=... (the steps in which the rate halves)", "HalfLife"),
        (DecayShape.Exp, { } h) => Check.AtLeast(h, 1, "HalfLife", who),
        (_, null) => null,
        _ => throw ScheduleArgumentException.For(
            $"{who}: half_life belongs to shape=exp, but shape was {Names.Snake(shape.ToString())}", "HalfLife"),
    };
}
