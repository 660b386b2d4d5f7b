namespace Ramp.Training.Tuning.RangeTest;

/// <summary>One trial of a cold-start search: a learning rate and whether the run survived it.</summary>
/// <param name="Lr">The constant learning rate tried from the initial weights.</param>
/// <param name="Survived">The caller's verdict: true when the loss stayed finite and did not blow up for K steps.</param>
public readonly record struct ColdStartTrial(double Lr, bool Survived);
