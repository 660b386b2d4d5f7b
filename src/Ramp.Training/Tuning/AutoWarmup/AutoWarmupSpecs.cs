using Ramp.Schedules;
using Ramp.Schedules.Composition;

namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>Turns the text form <c>auto(...)</c> (<see cref="AutoWarmupSpec"/>) into <see cref="AutoWarmupOptions"/>.</summary>
public static class AutoWarmupSpecs
{
    /// <summary>The Adam family's default second-moment coefficient (TorchSharp's and PyTorch's 0.999).</summary>
    public const double DefaultBeta2 = 0.999;

    /// <summary>Whether <paramref name="optimizer"/> (a <c>--optimizer</c> name) is in the Adam family.</summary>
    public static bool IsAdamFamily(string optimizer) =>
        optimizer.ToLowerInvariant() is "adam" or "adamw" or "radam" or "nadam" or "adamax";

    /// <summary>
    /// The options for <paramref name="spec"/>: the preset's defaults (<c>preset=optimizer</c> picks Adam's for the
    /// Adam family and SGD's otherwise), each parameter the spec gives replacing the preset's, target factor
    /// <c>spec.Target</c> (the controller works in factors of the base learning rate). Validated.
    /// </summary>
    /// <param name="spec">The parsed <c>auto(...)</c>.</param>
    /// <param name="optimizer">The <c>--optimizer</c> name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it.</exception>
    public static AutoWarmupOptions Options(AutoWarmupSpec spec, string optimizer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(optimizer);
        var preset = spec.Preset == AutoWarmupPreset.Optimizer
            ? IsAdamFamily(optimizer) ? AutoWarmupPreset.Adam : AutoWarmupPreset.Sgd
            : spec.Preset;
        var o = preset switch
        {
            AutoWarmupPreset.Adam => AutoWarmupOptions.ForAdam(spec.Target, spec.Initial ?? AutoWarmupOptions.PresetInitialFactor),
            AutoWarmupPreset.CatapultTolerant => AutoWarmupOptions.CatapultTolerant(spec.Target),
            _ => AutoWarmupOptions.ForSgd(spec.Target),
        };
        var initial = spec.Initial ?? o.InitialFactor;
        o = o with
        {
            InitialFactor = initial,
            Growth = spec.Growth ?? o.Growth,
            BackOffFactor = spec.BackOff ?? o.BackOffFactor,
            MinFactor = spec.MinFactor ?? Math.Min(o.MinFactor, initial),
            CooldownSteps = spec.Cooldown is { } c ? Whole(c, nameof(spec.Cooldown)) : o.CooldownSteps,
            UpdateRatioAmber = spec.RatioAmber ?? o.UpdateRatioAmber,
            UpdateRatioRed = spec.RatioRed ?? o.UpdateRatioRed,
            ZAmber = spec.ZAmber ?? o.ZAmber,
            ZRed = spec.ZRed ?? o.ZRed,
            GreenStepsToFinish = spec.GreenSteps is { } g ? Whole(g, nameof(spec.GreenSteps)) : o.GreenStepsToFinish,
            MaxSteps = spec.MaxSteps ?? o.MaxSteps,
        };
        o.Validate();
        return o;
    }

    private static int Whole(long value, string name) => value is >= 0 and <= int.MaxValue
        ? (int)value
        : throw new RampArgumentException(name, value, $"auto warmup: {name} must be in [0, {int.MaxValue}] but was {value}");
}
