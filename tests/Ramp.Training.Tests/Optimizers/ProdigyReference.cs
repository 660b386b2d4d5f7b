namespace Ramp.Training.Tests.Optimizers;

/// <summary>
/// Prodigy's Adam version written out in doubles from Mishchenko &amp; Defazio 2023 (Algorithm 4, with its
/// <c>(1 - beta3)</c> factors and the weight <c>lambda_k = lr d_k^2</c>), plus the options of the authors' code:
/// bias correction on the step, decoupled or L2 weight decay, the warmup safeguard, d_coef and the growth limit.
/// The paper's denominator is <c>sqrt(v) + d_k eps</c>; the authors' code (and Ramp) use the new <c>d_{k+1}</c> there.
/// </summary>
internal sealed class ProdigyReference(double[] start, double lr, double beta1, double beta2, double eps, double weightDecay,
    bool decouple, bool biasCorrection, bool safeguard, double initialD, double dCoef, double growth)
{
    private readonly double[] _x0 = (double[])start.Clone();
    private readonly double[] _m = new double[start.Length];
    private readonly double[] _v = new double[start.Length];
    private readonly double[] _s = new double[start.Length];
    private readonly double _d0 = initialD;
    private double _r, _dMax = initialD;
    private long _k;

    public double[] Weights { get; } = (double[])start.Clone();

    public double D { get; private set; } = initialD;

    public double Lr { get; set; } = lr;

    public void Step(double[] gradient)
    {
        double beta3 = Math.Sqrt(beta2), d = D;
        double bc = biasCorrection ? Math.Sqrt(1 - Math.Pow(beta2, _k + 1)) / (1 - Math.Pow(beta1, _k + 1)) : 1;
        double dlr = d * Lr * bc;
        var g = gradient.Select((gi, i) => decouple ? gi : gi + weightDecay * Weights[i]).ToArray();
        double inner = 0;
        for (int i = 0; i < g.Length; i++) inner += g[i] * (_x0[i] - Weights[i]);
        _r = beta3 * _r + (1 - beta3) * Lr * bc * d * d * inner;
        double sNorm = 0;
        for (int i = 0; i < g.Length; i++)
        {
            _m[i] = beta1 * _m[i] + (1 - beta1) * d * g[i];
            _v[i] = beta2 * _v[i] + (1 - beta2) * d * d * g[i] * g[i];
            _s[i] = beta3 * _s[i] + (1 - beta3) * (safeguard ? d * d : Lr * bc * d * d) * g[i];
            sNorm += Math.Abs(_s[i]);
        }
        double dHat = dCoef * _r / sNorm;
        if (d == _d0) d = Math.Max(d, dHat);
        _dMax = Math.Max(_dMax, dHat);
        D = Math.Min(_dMax, d * growth);
        for (int i = 0; i < g.Length; i++)
        {
            if (decouple) Weights[i] -= dlr * weightDecay * Weights[i];
            double update = beta1 > 0 ? _m[i] : D * g[i];
            Weights[i] -= dlr * update / (Math.Sqrt(_v[i]) + D * eps);
        }
        _k++;
    }
}
