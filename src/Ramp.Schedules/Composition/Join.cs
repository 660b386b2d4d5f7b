using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Composition;

/// <summary>
/// Schedules run one after another (optax's join_schedules): piece i is used from <c>at[i-1]</c> (inclusive)
/// and sees the steps since its own start, <c>f(t) = pieces[i].ValueAt(t - at[i-1])</c>.
/// Text <c>a &gt;&gt; b</c> when each boundary is where the piece before ends (see <see cref="ScheduleLength"/>),
/// else <c>join(a, b, at=[100])</c>.
/// </summary>
/// <param name="Pieces">At least two schedules.</param>
/// <param name="At">One fewer than <paramref name="Pieces"/>, non-negative and strictly increasing.</param>
public sealed record Join(EquatableArray<Schedule> Pieces, EquatableArray<long> At) : Schedule
{
    internal const string Name = "join";

    /// <summary>The schedules, in order.</summary>
    public EquatableArray<Schedule> Pieces { get; } = CheckPieces(Pieces);

    /// <summary>Where each piece after the first starts.</summary>
    public EquatableArray<long> At { get; } =
        Check.Steps(At, strict: true, 1, nameof(At), Name).Count == Pieces.Count - 1
            ? At
            : throw ScheduleArgumentException.For(
                $"join: at must hold one boundary fewer than the pieces ({Pieces.Count - 1}) but held {At.Count}",
                nameof(At));

    /// <summary>Joins pieces end to end: each boundary is where the piece before it ends.</summary>
    /// <exception cref="ArgumentException">When a piece other than the last has no length.</exception>
    public static Join Sequence(params Schedule[] pieces)
    {
        var boundaries = new long[Math.Max(0, pieces.Length - 1)];
        long at = 0;
        for (var i = 0; i < boundaries.Length; i++)
        {
            var length = ScheduleLength.Of(pieces[i]) ?? throw ScheduleArgumentException.For(
                $"join: piece {i + 1} ({pieces[i]}) has no length, so the next piece cannot follow it; give the boundaries",
                nameof(pieces));
            at = length > long.MaxValue - at ? long.MaxValue : at + length;
            boundaries[i] = at;
        }
        return new Join(pieces, boundaries);
    }

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var boundaries = At.AsSpan();
        var i = 0;
        while (i < boundaries.Length && boundaries[i] <= step) i++;
        return i == 0 ? Pieces[0].ValueAt(step) : Pieces[i].ValueAt(step - boundaries[i - 1]);
    }

    private static EquatableArray<Schedule> CheckPieces(EquatableArray<Schedule> pieces)
    {
        if (pieces.Count < 2)
            throw ScheduleArgumentException.For($"join: needs at least 2 pieces but had {pieces.Count}", nameof(Pieces));
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i] is null) throw new ArgumentNullException(nameof(Pieces), $"join: piece {i + 1} is null");
        }
        return pieces;
    }

    /// <summary>The native text, e.g. <c>warmup(100) &gt;&gt; cosine(900)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
