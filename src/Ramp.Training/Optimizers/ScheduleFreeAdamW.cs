using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// Schedule-Free AdamW (Defazio et al. 2024, "The Road Less Scheduled", Algorithm 1, as the authors' paper-version
/// code): no decay schedule, an average <c>x</c> of the iterates instead; see <see cref="ScheduleFreeOptimizer"/> for
/// the sequences and the averaging weight.
/// </summary>
/// <remarks>
/// Per parameter at step <c>t</c>: <c>v = beta2 v + (1 - beta2) g^2</c>, the direction
/// <c>d = g / (sqrt(v) + eps) + weight_decay y</c>, and the learning rate
/// <c>lr_t = lr min(1, t / warmup) sqrt(1 - beta2^t)</c> (the bias correction of <c>v</c> moved into the rate).
/// The parameters hold <c>y</c> while training: call <see cref="ScheduleFreeOptimizer.Eval"/> before evaluating or
/// saving and <see cref="ScheduleFreeOptimizer.Train"/> before the next step (the training loop does both).
/// Defaults from the authors' code: lr 0.0025, betas (0.9, 0.999), eps 1e-8, no weight decay, no warmup, r 0,
/// weight_lr_power 2.
/// </remarks>
public sealed class ScheduleFreeAdamW : ScheduleFreeOptimizer
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0 (default 0.0025).</param>
    /// <param name="beta1">Interpolation between <c>x</c> and <c>z</c>, in (0, 1) (default 0.9).</param>
    /// <param name="beta2">Second-moment decay in [0, 1) (default 0.999).</param>
    /// <param name="eps">Added to <c>sqrt(v)</c>, &gt;= 0 (default 1e-8).</param>
    /// <param name="weightDecay">Weight decay taken at <c>y</c>, &gt;= 0 (default 0).</param>
    /// <param name="warmupSteps">Built-in linear warmup, &gt;= 0 steps (default 0).</param>
    /// <param name="r">Power of <c>t</c> in the averaging weight, &gt;= 0 (default 0).</param>
    /// <param name="weightLrPower">Power of the largest rate so far in the averaging weight, &gt;= 0 (default 2).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range.</exception>
    public ScheduleFreeAdamW(IEnumerable<Parameter> parameters, double lr = 0.0025, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, long warmupSteps = 0, double r = 0, double weightLrPower = 2)
        : this([new ScheduleFreeParamGroup { Parameters = parameters }], lr, beta1, beta2, eps, weightDecay, warmupSteps, r, weightLrPower)
    {
    }

    /// <summary>Several groups, each with its own options; unset options take the values given here.</summary>
    /// <param name="groups">Parameter groups.</param>
    /// <param name="lr">Default learning rate, &gt;= 0.</param>
    /// <param name="beta1">Default interpolation, in (0, 1).</param>
    /// <param name="beta2">Default second-moment decay in [0, 1).</param>
    /// <param name="eps">Default epsilon, &gt;= 0.</param>
    /// <param name="weightDecay">Default weight decay, &gt;= 0.</param>
    /// <param name="warmupSteps">Default built-in warmup, &gt;= 0.</param>
    /// <param name="r">Default power of <c>t</c>, &gt;= 0.</param>
    /// <param name="weightLrPower">Default power of the rate, &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range.</exception>
    public ScheduleFreeAdamW(IEnumerable<ScheduleFreeParamGroup> groups, double lr = 0.0025, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, long warmupSteps = 0, double r = 0, double weightLrPower = 2)
        : base("schedule-free-adamw", groups, new ScheduleFreeOptions
        {
            LearningRate = lr, InitialLearningRate = lr, Beta1 = beta1, Beta2 = beta2, Eps = eps, WeightDecay = weightDecay,
            WarmupSteps = warmupSteps, R = r, WeightLrPower = weightLrPower,
        }, adaptive: true)
    {
    }

    private protected override Tensor Direction(HeldScalars held, Tensor grad, ScheduleFreeState state, ScheduleFreeOptions options)
    {
        double beta2 = options.Beta2!.Value;
        var v = state.ExpAvgSq!;
        v.mul_(held[beta2]).addcmul_(grad, grad, held[1 - beta2]);
        using var denominator = v.sqrt().add_(held[options.Eps!.Value], held[1.0]);
        return grad.div(denominator);
    }
}
