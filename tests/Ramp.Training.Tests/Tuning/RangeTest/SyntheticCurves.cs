namespace Ramp.Training.Tests.Tuning.RangeTest;

/// <summary>Loss-against-learning-rate shapes for range-test tests.</summary>
internal static class SyntheticCurves
{
    /// <summary>
    /// Plateau at 2.3 for tiny lrs, a sigmoid descent in log10(lr) centred on 1e-2.5 down to about 0.3, then a
    /// quadratic blow-up (lr^2) that dominates above lr ~ 1.
    /// </summary>
    public static double Classic(double lr) =>
        2.3 - 2.0 / (1 + Math.Exp(-3 * (Math.Log10(lr) + 2.5))) + lr * lr;

    /// <summary>A log-spaced lr grid from 10^a to 10^b with n points.</summary>
    public static double[] LogGrid(double a, double b, int n) =>
        Enumerable.Range(0, n).Select(i => Math.Pow(10, a + (b - a) * i / (n - 1))).ToArray();
}
