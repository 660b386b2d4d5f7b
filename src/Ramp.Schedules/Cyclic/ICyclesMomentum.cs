namespace Ramp.Schedules.Cyclic;

/// <summary>
/// A schedule that also drives momentum (or Adam's beta1) inversely to the learning rate, as one-cycle and cyclic
/// schedules do. <see cref="Composition.GroupSpec"/> binds the momentum when <see cref="CycleMomentum"/> is true.
/// </summary>
public interface ICyclesMomentum
{
    /// <summary>Whether the momentum is scheduled at all.</summary>
    bool CycleMomentum { get; }

    /// <summary>The momentum used by the (<paramref name="step"/>+1)-th optimizer step; allocation-free.</summary>
    double MomentumAt(long step);
}
