using TorchSharp.Modules;

namespace Ramp.Training.Optimizers;

/// <summary>
/// A parameter group of <see cref="Prodigy"/>; its <see cref="BetasParamGroup{TOptions}.Betas"/> let the schedule
/// binder cycle beta1.
/// </summary>
public sealed class ProdigyParamGroup : BetasParamGroup<ProdigyOptions>
{
    /// <summary>An empty group (set <see cref="ParamGroup.Parameters"/>); unset options take the optimizer's.</summary>
    public ProdigyParamGroup()
    {
    }

    /// <summary>A group over <paramref name="parameters"/> with its own <paramref name="options"/> (null: the optimizer's).</summary>
    public ProdigyParamGroup(IEnumerable<Parameter> parameters, ProdigyOptions? options = null)
        : base(parameters, options)
    {
    }
}
