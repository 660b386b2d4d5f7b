namespace Ramp.Schedules.Compat.Torch;

/// <summary>How <see cref="OneCycleLR"/> and <see cref="SWALR"/> move between two values (<c>anneal_strategy</c>).</summary>
public enum AnnealStrategy
{
    /// <summary><c>'cos'</c>: <c>end + (start - end) * (1 + cos(pi * pct)) / 2</c>.</summary>
    Cos,

    /// <summary><c>'linear'</c>: <c>start + (end - start) * pct</c>.</summary>
    Linear,
}
