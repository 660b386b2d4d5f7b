using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace Ramp.Training.Optimizers;

/// <summary>
/// A parameter group whose options carry a beta1 and a beta2, exposed as TorchSharp's <see cref="IBetas"/> so the
/// schedule binder can cycle beta1. One definition for <see cref="ProdigyParamGroup"/> and
/// <see cref="ScheduleFreeParamGroup"/>, which add only their constructors.
/// </summary>
/// <typeparam name="TOptions">The optimizer's options type.</typeparam>
public abstract class BetasParamGroup<TOptions> : ParamGroup<TOptions>, IBetas
    where TOptions : OptimizerOptions, IBetaOptions
{
    /// <summary>An empty group (set <see cref="ParamGroup.Parameters"/>); unset options take the optimizer's.</summary>
    protected BetasParamGroup()
    {
    }

    /// <summary>A group over <paramref name="parameters"/> with its own <paramref name="options"/> (null: the optimizer's).</summary>
    protected BetasParamGroup(IEnumerable<Parameter> parameters, TOptions? options)
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
