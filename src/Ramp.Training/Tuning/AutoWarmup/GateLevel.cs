namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>The verdict of one gate, or of all gates together (the worst one wins).</summary>
public enum GateLevel
{
    /// <summary>Healthy: the learning rate may grow.</summary>
    Green,

    /// <summary>A warning sign: hold the learning rate where it is.</summary>
    Amber,

    /// <summary>Instability: back off.</summary>
    Red,
}
