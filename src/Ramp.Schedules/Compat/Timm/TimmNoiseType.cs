namespace Ramp.Schedules.Compat.Timm;

/// <summary>How timm draws learning-rate noise.</summary>
public enum TimmNoiseType
{
    /// <summary><c>'normal'</c>: a standard normal draw, redrawn until its magnitude is below noise_pct.</summary>
    Normal,

    /// <summary>Any other string in timm: uniform in (−noise_pct, noise_pct).</summary>
    Uniform,
}
