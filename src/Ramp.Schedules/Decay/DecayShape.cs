namespace Ramp.Schedules.Decay;

/// <summary>How the decay phase of <see cref="WarmupStableDecay"/> falls from 1 to its floor as progress p goes 0 to 1.</summary>
public enum DecayShape
{
    /// <summary><c>1 - p</c>.</summary>
    Linear,

    /// <summary><c>(1 + cos(pi * p)) / 2</c>.</summary>
    Cosine,

    /// <summary><c>1 - sqrt(p)</c> (Hägele et al. 2024's recommended cooldown).</summary>
    Sqrt,
}
