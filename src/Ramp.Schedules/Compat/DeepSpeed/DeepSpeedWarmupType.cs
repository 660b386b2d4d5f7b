namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>DeepSpeed's warmup shapes.</summary>
public enum DeepSpeedWarmupType
{
    /// <summary><c>'log'</c> (default): γ = log(t + 1) / log(W), front-loaded; the peak is first used at t = W − 1.</summary>
    Log,

    /// <summary><c>'linear'</c>: γ = t / W.</summary>
    Linear,
}
