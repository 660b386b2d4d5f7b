namespace Ramp.Training.Tests.Optimizers;

/// <summary>
/// Schedule-Free AdamW / SGD written out in doubles from Defazio et al. 2024 (Algorithm 1), with the three sequences
/// kept explicitly: <c>z</c> steps, <c>x</c> averages with weight <c>c_t = w_t / sum w</c>, <c>w_t = t^r lr_max^p</c>,
/// and the gradient is taken at <c>y = (1 - beta1) z + beta1 x</c>. Set <see cref="Lr"/> before a step to schedule it.
/// </summary>
internal sealed class ScheduleFreeReference(double[] start, bool adam, double lr, double beta1, double beta2, double eps,
    double weightDecay, long warmup, double r, double power)
{
    private readonly double[] _z = (double[])start.Clone();
    private readonly double[] _x = (double[])start.Clone();
    private readonly double[] _v = new double[start.Length];
    private double _lrMax = -1, _weightSum;
    private long _t;

    public double Lr { get; set; } = lr;

    public double LastC { get; private set; }

    /// <summary>The gradient point, which the optimizer's parameters hold while training.</summary>
    public double[] Y => _z.Zip(_x, (z, x) => (1 - beta1) * z + beta1 * x).ToArray();

    /// <summary>The average, which the parameters hold in eval mode.</summary>
    public double[] X => (double[])_x.Clone();

    public void Step(double[] g)
    {
        var y = Y;
        _t++;
        double lrT = Lr * Math.Min(1.0, warmup == 0 ? 1.0 : _t / (double)warmup) * (adam ? Math.Sqrt(1 - Math.Pow(beta2, _t)) : 1);
        _lrMax = Math.Max(_lrMax, lrT);
        double w = Math.Pow(_t, r) * Math.Pow(_lrMax, power);
        _weightSum += w;
        double c = _weightSum == 0 ? 0 : w / _weightSum;
        for (int i = 0; i < g.Length; i++)
        {
            double direction = g[i];
            if (adam)
            {
                _v[i] = beta2 * _v[i] + (1 - beta2) * g[i] * g[i];
                direction = g[i] / (Math.Sqrt(_v[i]) + eps);
            }
            _z[i] -= lrT * (direction + weightDecay * y[i]);
            _x[i] = (1 - c) * _x[i] + c * _z[i];
        }
        LastC = c;
    }
}
