namespace Ramp.Schedules.Compat.Optax;

/// <summary>How optax's <c>piecewise_interpolate_schedule</c> moves between two values.</summary>
public enum OptaxInterpolation
{
    /// <summary><c>'linear'</c>: (end − start)·pct + start.</summary>
    Linear,

    /// <summary><c>'cosine'</c>: end + (start − end)/2·(cos(π·pct) + 1).</summary>
    Cosine,
}
