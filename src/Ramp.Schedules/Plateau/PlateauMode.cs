namespace Ramp.Schedules.Plateau;

/// <summary>Whether a smaller or a larger metric is an improvement (<c>mode</c>).</summary>
public enum PlateauMode
{
    /// <summary><c>'min'</c>: lower is better (a loss).</summary>
    Min,

    /// <summary><c>'max'</c>: higher is better (an accuracy).</summary>
    Max,
}
