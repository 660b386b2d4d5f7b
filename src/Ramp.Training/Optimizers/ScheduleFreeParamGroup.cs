using TorchSharp.Modules;

namespace Ramp.Training.Optimizers;

/// <summary>
/// A parameter group of <see cref="ScheduleFreeAdamW"/> or <see cref="ScheduleFreeSgd"/>. Its
/// <see cref="BetasParamGroup{TOptions}.Betas"/> are (interpolation, second-moment decay), so the schedule binder can
/// cycle the interpolation as it cycles Adam's beta1.
/// </summary>
public sealed class ScheduleFreeParamGroup : BetasParamGroup<ScheduleFreeOptions>
{
    /// <summary>An empty group (set <see cref="ParamGroup.Parameters"/>); unset options take the optimizer's.</summary>
    public ScheduleFreeParamGroup()
    {
    }

    /// <summary>A group over <paramref name="parameters"/> with its own <paramref name="options"/> (null: the optimizer's).</summary>
    public ScheduleFreeParamGroup(IEnumerable<Parameter> parameters, ScheduleFreeOptions? options = null)
        : base(parameters, options)
    {
    }
}
