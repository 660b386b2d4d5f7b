namespace Ramp.Training.Tests.Optimizers;

/// <summary>
/// GI-Adam written out in doubles from Kalra &amp; Barkeshli 2024: Adam (L2 weight decay) or AdamW (decoupled) whose
/// second moment starts at the first gradient's square, <c>v_0 = g_1^2</c>, bias corrections unchanged.
/// </summary>
internal sealed class GiAdamReference(double[] start, double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupled)
{
    private readonly double[] _m = new double[start.Length];
    private readonly double[] _v = new double[start.Length];
    private long _t;

    public double[] Weights { get; } = (double[])start.Clone();

    public void Step(double[] gradient)
    {
        _t++;
        double c1 = 1 - Math.Pow(beta1, _t), c2 = 1 - Math.Pow(beta2, _t);
        for (int i = 0; i < Weights.Length; i++)
        {
            if (decoupled) Weights[i] *= 1 - lr * weightDecay;
            double g = decoupled ? gradient[i] : gradient[i] + weightDecay * Weights[i];
            if (_t == 1) _v[i] = g * g;
            _m[i] = beta1 * _m[i] + (1 - beta1) * g;
            _v[i] = beta2 * _v[i] + (1 - beta2) * g * g;
            Weights[i] -= lr / c1 * _m[i] / (Math.Sqrt(_v[i] / c2) + eps);
        }
    }
}
