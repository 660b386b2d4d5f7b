using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace Ramp.Training.Optimizers;

/// <summary>
/// A parameter group of <see cref="ScheduleFreeAdamW"/> or <see cref="ScheduleFreeSgd"/>. Its <see cref="Betas"/> are
/// (interpolation, second-moment decay), so the schedule binder can cycle the interpolation as it cycles Adam's beta1.
/// </summary>
public sealed class ScheduleFreeParamGroup : ParamGroup<ScheduleFreeOptions>, IBetas
{
    /// <summary>An empty group (set <see cref="ParamGroup.Parameters"/>); unset options take the optimizer's.</summary>
    public ScheduleFreeParamGroup()
    {
    }

    /// <summary>A group over <paramref name="parameters"/> with its own <paramref name="options"/> (null: the optimizer's).</summary>
    public ScheduleFreeParamGroup(IEnumerable<Parameter> parameters, ScheduleFreeOptions? options = null)
        : base(parameters, options!)
    {
    }

    /// <summary>(interpolation beta1 or momentum, second-moment decay beta2).</summary>
    public (double, double) Betas
    {
        get => (Options.Beta1!.Value, Options.Beta2!.Value);
        set => (Options.Beta1, Options.Beta2) = value;
    }
}
