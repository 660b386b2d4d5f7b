namespace Ramp.Training.Tests.Optimizers;

/// <summary>
/// StableAdamW written out in doubles from Wortsman et al. 2023 (Algorithm 2): AdamW whose step on each tensor is
/// divided by <c>max(1, RMS_t / d)</c>, <c>RMS_t = sqrt(mean(g^2 / max(v_hat, eps^2)))</c>; the weight decay uses the
/// unclipped rate. <paramref name="sizes"/> cut the flat vector into tensors.
/// </summary>
internal sealed class StableAdamWReference(double[] start, int[] sizes, double lr, double beta1, double beta2, double eps,
    double weightDecay, double threshold)
{
    private readonly double[] _m = new double[start.Length];
    private readonly double[] _v = new double[start.Length];
    private long _t;

    public double[] Weights { get; } = (double[])start.Clone();

    public double Lr { get; set; } = lr;

    /// <summary>Steps on which at least one tensor's update was clipped.</summary>
    public int ClippedSteps { get; private set; }

    public void Step(double[] g)
    {
        _t++;
        double c1 = 1 - Math.Pow(beta1, _t), c2 = 1 - Math.Pow(beta2, _t);
        bool clipped = false;
        int offset = 0;
        foreach (int size in sizes)
        {
            double sum = 0;
            for (int i = offset; i < offset + size; i++)
            {
                _m[i] = beta1 * _m[i] + (1 - beta1) * g[i];
                _v[i] = beta2 * _v[i] + (1 - beta2) * g[i] * g[i];
                sum += g[i] * g[i] / Math.Max(_v[i] / c2, eps * eps);
            }
            double rms = Math.Sqrt(sum / size);
            clipped |= rms > threshold;
            double eta = Lr / Math.Max(1, rms / threshold);
            for (int i = offset; i < offset + size; i++)
            {
                Weights[i] -= Lr * weightDecay * Weights[i];
                Weights[i] -= eta * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + eps);
            }
            offset += size;
        }
        if (clipped) ClippedSteps++;
    }
}
