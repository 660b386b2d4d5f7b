using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// Schedule-Free SGD (Defazio et al. 2024, "The Road Less Scheduled", as the authors' code): SGD steps on <c>z</c>,
/// an average <c>x</c> instead of a decay schedule, gradients at <c>y = (1 - momentum) z + momentum x</c>; see
/// <see cref="ScheduleFreeOptimizer"/> for the sequences and the averaging weight.
/// </summary>
/// <remarks>
/// Per parameter at step <c>t</c>: the direction <c>d = g + weight_decay y</c> and the learning rate
/// <c>lr_t = lr min(1, t / warmup)</c>. The interpolation is the group's beta1 (<see cref="BetasParamGroup{TOptions}.Betas"/>),
/// called momentum here. Call <see cref="ScheduleFreeOptimizer.Eval"/> before evaluating or saving and
/// <see cref="ScheduleFreeOptimizer.Train"/> before the next step (the training loop does both). Defaults from the
/// authors' code: lr 1, momentum 0.9, no weight decay, no warmup, r 0, weight_lr_power 2.
/// </remarks>
public sealed class ScheduleFreeSgd : ScheduleFreeOptimizer
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0 (default 1).</param>
    /// <param name="momentum">Interpolation between <c>x</c> and <c>z</c>, in (0, 1) (default 0.9).</param>
    /// <param name="weightDecay">Weight decay taken at <c>y</c>, &gt;= 0 (default 0).</param>
    /// <param name="warmupSteps">Built-in linear warmup, &gt;= 0 steps (default 0).</param>
    /// <param name="r">Power of <c>t</c> in the averaging weight, &gt;= 0 (default 0).</param>
    /// <param name="weightLrPower">Power of the largest rate so far in the averaging weight, &gt;= 0 (default 2).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range.</exception>
    public ScheduleFreeSgd(IEnumerable<Parameter> parameters, double lr = 1.0, double momentum = 0.9, double weightDecay = 0,
        long warmupSteps = 0, double r = 0, double weightLrPower = 2)
        : this([new ScheduleFreeParamGroup { Parameters = parameters }], lr, momentum, weightDecay, warmupSteps, r, weightLrPower)
    {
    }

    /// <summary>Several groups, each with its own options; unset options take the values given here.</summary>
    /// <param name="groups">Parameter groups.</param>
    /// <param name="lr">Default learning rate, &gt;= 0.</param>
    /// <param name="momentum">Default interpolation, in (0, 1).</param>
    /// <param name="weightDecay">Default weight decay, &gt;= 0.</param>
    /// <param name="warmupSteps">Default built-in warmup, &gt;= 0.</param>
    /// <param name="r">Default power of <c>t</c>, &gt;= 0.</param>
    /// <param name="weightLrPower">Default power of the rate, &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range.</exception>
    public ScheduleFreeSgd(IEnumerable<ScheduleFreeParamGroup> groups, double lr = 1.0, double momentum = 0.9, double weightDecay = 0,
        long warmupSteps = 0, double r = 0, double weightLrPower = 2)
        : base("schedule-free-sgd", groups, new ScheduleFreeOptions
        {
            LearningRate = lr, InitialLearningRate = lr, Beta1 = momentum, Beta2 = 0, Eps = 0, WeightDecay = weightDecay,
            WarmupSteps = warmupSteps, R = r, WeightLrPower = weightLrPower,
        }, adaptive: false)
    {
    }

    private protected override Tensor Direction(HeldScalars held, Tensor grad, ScheduleFreeState state, ScheduleFreeOptions options) =>
        grad.clone();
}
