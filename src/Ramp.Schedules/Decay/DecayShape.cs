namespace Ramp.Schedules.Decay;

/// <summary>
/// How the decay phase of <see cref="WarmupStableDecay"/> falls from 1 towards its floor as progress p goes 0 to 1
/// (p = steps into the decay / decay length). Text: the name in snake case (<c>shape=square</c>).
/// </summary>
public enum DecayShape
{
    /// <summary><c>1 - p</c>.</summary>
    Linear,

    /// <summary><c>(1 + cos(pi * p)) / 2</c>.</summary>
    Cosine,

    /// <summary><c>1 - sqrt(p)</c> (Hägele et al. 2024's recommended cooldown, the "1-sqrt" of the WSD papers).</summary>
    Sqrt,

    /// <summary><c>1 - p^2</c> (the "1-square" cooldown: slow at first, steepest at the end).</summary>
    Square,

    /// <summary>
    /// <c>0.5^(d / half_life)</c> with d the steps into the decay: MiniCPM's exponential decay (Hu et al. 2024), the
    /// rate halving every <c>half_life</c> steps. It never reaches 0: it ends at <c>0.5^(decay / half_life)</c>.
    /// </summary>
    Exp,
}
