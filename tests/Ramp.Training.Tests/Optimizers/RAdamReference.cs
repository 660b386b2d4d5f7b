namespace Ramp.Training.Tests.Optimizers;

/// <summary>
/// RAdam written out in doubles from Liu et al. 2019 (the form PyTorch documents), one parameter vector, L2 weight
/// decay added to the gradient or (decoupled) taken off the weights: the reference both the TorchSharp optimizer and
/// Ramp's are held against.
/// </summary>
internal sealed class RAdamReference(double[] start, double lr, double beta1, double beta2, double eps, double weightDecay,
    bool decoupled = false)
{
    private readonly double[] _m = new double[start.Length];
    private readonly double[] _v = new double[start.Length];
    private long _t;

    public double[] Weights { get; } = (double[])start.Clone();

    /// <summary>Whether step <paramref name="t"/> (from 1) uses the rectified adaptive update.</summary>
    public static bool Rectified(long t, double beta2) => Rho(t, beta2) > 5;

    public void Step(double[] gradient)
    {
        _t++;
        double rhoInf = 2 / (1 - beta2) - 1, rhoT = Rho(_t, beta2);
        double c1 = 1 - Math.Pow(beta1, _t), c2 = 1 - Math.Pow(beta2, _t);
        for (int i = 0; i < Weights.Length; i++)
        {
            if (decoupled) Weights[i] *= 1 - lr * weightDecay;
            double g = decoupled ? gradient[i] : gradient[i] + weightDecay * Weights[i];
            _m[i] = beta1 * _m[i] + (1 - beta1) * g;
            _v[i] = beta2 * _v[i] + (1 - beta2) * g * g;
            double mHat = _m[i] / c1;
            if (rhoT > 5)
            {
                double r = Math.Sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
                double adaptive = Math.Sqrt(c2) / (Math.Sqrt(_v[i]) + eps);
                Weights[i] -= lr * mHat * r * adaptive;
            }
            else
            {
                Weights[i] -= lr * mHat;
            }
        }
    }

    private static double Rho(long t, double beta2)
    {
        double rhoInf = 2 / (1 - beta2) - 1;
        return rhoInf - 2 * t * Math.Pow(beta2, t) / (1 - Math.Pow(beta2, t));
    }
}
