namespace Ramp.Training.Optimizers;

/// <summary>
/// Options of a group whose optimizer has a beta1 and a beta2 (what each means is the optimizer's own: see its options
/// type). <see cref="BetasParamGroup{TOptions}"/> exposes them to the schedule binder, which cycles beta1.
/// </summary>
public interface IBetaOptions
{
    /// <summary>The optimizer's beta1; null until the optimizer fills in its default.</summary>
    double? Beta1 { get; set; }

    /// <summary>The optimizer's beta2; null until the optimizer fills in its default.</summary>
    double? Beta2 { get; set; }
}
