namespace Ramp.Training.Tests.Tuning.AutoWarmup;

/// <summary>
/// Gradient descent on an ill-conditioned quadratic regression, fitted through a two-factor model
/// (prediction_i = u * v_i), the smallest model whose curvature depends on its weights: loss
/// <c>0.5 * sum_i lambda_i (u v_i - y_i)^2</c> with curvatures lambda = (1, 3, 10). From the unbalanced start
/// u = 4, v = 0.05 the top curvature is about lambda_max * u^2 = 160, so a constant lr above 2/160 blows up; a
/// slow climb lets u shrink towards the balanced minima (curvature about 2 * lambda_max), where a much larger lr is
/// stable. This is Kalra &amp; Barkeshli's warmup mechanism in two lines. The targets y_i = 1 carry a small
/// deterministic wobble (mini-batch noise), and the reported loss adds an irreducible 0.1, as a real loss has.
/// </summary>
internal sealed class FactorisedRegression
{
    private static readonly double[] Lambda = [1, 3, 10];
    private double _u = 4;
    private readonly double[] _v = [0.05, 0.05, 0.05];

    /// <summary>Loss of the current weights on the clean targets, plus the 0.1 floor.</summary>
    public double CleanLoss
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < 3; i++) sum += 0.5 * Lambda[i] * (_u * _v[i] - 1) * (_u * _v[i] - 1);
            return 0.1 + sum;
        }
    }

    /// <summary>One gradient step at <paramref name="lr"/>; returns (loss before the step, gradient norm).</summary>
    public (double Loss, double GradNorm) Step(long t, double lr)
    {
        var loss = 0.1;
        var gu = 0.0;
        Span<double> gv = stackalloc double[3];
        for (var i = 0; i < 3; i++)
        {
            var r = _u * _v[i] - (1 + 0.05 * Math.Sin(1.7 * t + i));
            loss += 0.5 * Lambda[i] * r * r;
            gu += Lambda[i] * r * _v[i];
            gv[i] = Lambda[i] * r * _u;
        }
        _u -= lr * gu;
        for (var i = 0; i < 3; i++) _v[i] -= lr * gv[i];
        return (loss, Math.Sqrt(gu * gu + gv[0] * gv[0] + gv[1] * gv[1] + gv[2] * gv[2]));
    }

    /// <summary>True once the loss is non-finite or above 1e6.</summary>
    public bool Diverged => !double.IsFinite(CleanLoss) || CleanLoss > 1e6;
}
