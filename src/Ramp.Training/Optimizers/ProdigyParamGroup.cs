using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace Ramp.Training.Optimizers;

/// <summary>A parameter group of <see cref="Prodigy"/>; its <see cref="Betas"/> let the schedule binder cycle beta1.</summary>
public sealed class ProdigyParamGroup : ParamGroup<ProdigyOptions>, IBetas
{
    /// <summary>An empty group (set <see cref="ParamGroup.Parameters"/>); unset options take the optimizer's.</summary>
    public ProdigyParamGroup()
    {
    }

    /// <summary>A group over <paramref name="parameters"/> with its own <paramref name="options"/> (null: the optimizer's).</summary>
    public ProdigyParamGroup(IEnumerable<Parameter> parameters, ProdigyOptions? options = null)
        : base(parameters, options!)
    {
    }

    /// <summary>(beta1, beta2).</summary>
    public (double, double) Betas
    {
        get => (Options.Beta1!.Value, Options.Beta2!.Value);
        set => (Options.Beta1, Options.Beta2) = value;
    }
}
