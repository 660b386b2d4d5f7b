namespace Ramp.Schedules.Composition;

/// <summary>Which set of defaults an <see cref="AutoWarmupSpec"/> starts from (text <c>preset=...</c>).</summary>
public enum AutoWarmupPreset
{
    /// <summary>Chosen by the optimizer when the run starts: <see cref="Adam"/> for the Adam family, else <see cref="Sgd"/>.</summary>
    Optimizer,

    /// <summary>SGD's defaults: growth 1.1 per step from 10% of the target, update-ratio gates 3e-2 / 3e-1.</summary>
    Sgd,

    /// <summary>
    /// Adam's defaults: from 10% of the target, growth set so an unheld climb takes 2 / (1 - beta2) steps (beta2 the
    /// run's optimizer's), update-ratio gates 5e-2 / 2.5e-1.
    /// </summary>
    Adam,

    /// <summary>Lets loss catapults run their course: only non-finite values, red update ratios or a 100x loss back off.</summary>
    CatapultTolerant,
}
