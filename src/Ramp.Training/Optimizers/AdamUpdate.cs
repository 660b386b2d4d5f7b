using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// The Adam family's shared arithmetic, in TorchSharp 0.107's order of operations (so results match its optimizers bit
/// for bit), with every number taken from a <see cref="HeldScalars"/>.
/// </summary>
internal static class AdamUpdate
{
    /// <summary>The moment estimates: <c>m = beta1 m + (1 - beta1) g</c>, <c>v = beta2 v + (1 - beta2) g^2</c>.</summary>
    public static void Moments(HeldScalars held, Tensor grad, Tensor expAvg, Tensor expAvgSq, double beta1, double beta2)
    {
        expAvg.mul_(held[beta1]).add_(grad, held[1 - beta1]);
        expAvgSq.mul_(held[beta2]).addcmul_(grad, grad, held[1 - beta2]);
    }

    /// <summary>
    /// Adam's step after the moments: <c>p -= lr / (1 - beta1^t) m / (sqrt(v') / sqrt(1 - beta2^t) + eps)</c>, where
    /// <c>v'</c> is <c>v</c>, or with AMSGrad the running maximum of <c>v</c> (kept in <paramref name="maxExpAvgSq"/>).
    /// </summary>
    public static void Apply(HeldScalars held, Tensor param, Tensor expAvg, Tensor expAvgSq, ref Tensor? maxExpAvgSq,
        long step, double lr, double beta1, double beta2, double eps, bool amsgrad)
    {
        double correction1 = 1 - Math.Pow(beta1, step), correction2 = 1 - Math.Pow(beta2, step);
        var second = expAvgSq;
        if (amsgrad)
        {
            var previous = maxExpAvgSq ?? throw new InvalidOperationException("amsgrad: the state has no max_exp_avg_sq");
            maxExpAvgSq = second = torch.maximum(previous, expAvgSq).DetachFromDisposeScope();
            previous.Dispose();
        }
        var denominator = second.sqrt().div_(held[Math.Sqrt(correction2)]).add_(held[eps], held[1.0]);
        param.addcdiv_(expAvg, denominator, held[-(lr / correction1)]);
    }
}
