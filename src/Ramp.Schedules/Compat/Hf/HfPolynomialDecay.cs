using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_polynomial_decay_schedule_with_warmup</c>: with lr_init = <c>optimizer.defaults["lr"]</c>,
/// λ(t) = t / max(1, W) for t &lt; W; lr_end / lr_init for t &gt; T; otherwise
/// ((lr_init − lr_end)·(1 − (t − W)/(T − W))^power + lr_end) / lr_init.
/// </summary>
/// <remarks>
/// The factor multiplies every group's base learning rate, but it is computed from lr_init, so only a group whose
/// base equals lr_init ends at exactly <see cref="LrEnd"/>. When binding, lr_init is the first group's base learning
/// rate unless <see cref="LrInit"/> is given (transformers reads the optimizer's default lr, which is the first
/// group's lr when the groups are built from the optimizer's <c>lr</c> argument).
/// </remarks>
/// <param name="NumWarmupSteps">W, at least 0.</param>
/// <param name="NumTrainingSteps">T, at least 0 and not equal to W (transformers divides by T − W).</param>
/// <param name="LrEnd">The absolute learning rate at and after T (for a group whose base is lr_init); default 1e-7.</param>
/// <param name="Power">Exponent of the decay; default 1 (linear).</param>
/// <param name="LrInit">lr_init; null (default) takes the first group's base learning rate when binding.</param>
[PeerCall("hf", "get_polynomial_decay_schedule_with_warmup", "transformers", "transformers.optimization", TakesOptimizer = true)]
public sealed record HfPolynomialDecay([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps, long NumTrainingSteps,
    double LrEnd = 1e-7, double Power = 1.0, [PyConverter(typeof(FromOptimizer))] double? LrInit = null) : HfLambdaSpec
{
    /// <summary>The absolute learning rate at and after T (for a group whose base is lr_init); default 1e-7.</summary>
    public double LrEnd { get; } = Check.Finite(LrEnd, nameof(LrEnd), Who);

    /// <summary>Exponent of the decay; default 1 (linear).</summary>
    public double Power { get; } = Check.Finite(Power, nameof(Power), Who);

    /// <summary>lr_init; null (default) takes the first group's base learning rate when binding.</summary>
    public double? LrInit { get; } = LrInit is { } vLrInit ? Check.Finite(vLrInit, nameof(LrInit), Who) : null;

    private const string Who = "get_polynomial_decay_schedule_with_warmup";

    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps), Who);

    /// <summary>T, at least 0 and not equal to W.</summary>
    public long NumTrainingSteps { get; } = NumTrainingSteps != NumWarmupSteps
        ? NonNegative(NumTrainingSteps, nameof(NumTrainingSteps), Who)
        : throw new ScheduleArgumentException(nameof(NumTrainingSteps), NumTrainingSteps,
            $"{Who}: num_training_steps must differ from num_warmup_steps ({NumWarmupSteps}); the decay would divide by zero");

    /// <inheritdoc />
    public override double Lambda(long step)
    {
        if (step < NumWarmupSteps) return Warmup(step, NumWarmupSteps);
        var lrInit = LrInit ?? throw new InvalidOperationException($"{Who}: lr_init is only known once bound to parameter groups");
        if (step > NumTrainingSteps) return LrEnd / lrInit;
        var pctRemaining = 1 - (double)(step - NumWarmupSteps) / (NumTrainingSteps - NumWarmupSteps);
        return ((lrInit - LrEnd) * Math.Pow(pctRemaining, Power) + LrEnd) / lrInit;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">When lr_init is not larger than <see cref="LrEnd"/> (transformers' ValueError).</exception>
    protected override HfLambdaSpec Resolve(IReadOnlyList<double> baseLrs)
    {
        var lrInit = LrInit ?? DefaultLr(baseLrs);
        if (!(lrInit > LrEnd))
        {
            throw ScheduleArgumentException.For($"{Who}: lr_end ({LrEnd}) must be smaller than initial lr ({lrInit})", nameof(baseLrs));
        }
        return new HfPolynomialDecay(NumWarmupSteps, NumTrainingSteps, LrEnd, Power, lrInit);
    }

}
