namespace Ramp.Schedules.Plateau;

/// <summary>How PyTorch's <c>threshold</c> defines a significant improvement (<c>threshold_mode</c>).</summary>
public enum ThresholdMode
{
    /// <summary><c>'rel'</c>: better than <c>best * (1 - threshold)</c> (min) or <c>best * (1 + threshold)</c> (max).</summary>
    Rel,

    /// <summary><c>'abs'</c>: better than <c>best - threshold</c> (min) or <c>best + threshold</c> (max).</summary>
    Abs,
}
