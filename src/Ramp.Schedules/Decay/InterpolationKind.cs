namespace Ramp.Schedules.Decay;

/// <summary>How a schedule moves from value a to value b as progress p goes 0 to 1.</summary>
public enum InterpolationKind
{
    /// <summary><c>a + (b - a) * p</c>.</summary>
    Linear,

    /// <summary><c>b + (a - b) * (1 + cos(pi * p)) / 2</c>.</summary>
    Cosine,
}
