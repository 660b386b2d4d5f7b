namespace Ramp.Schedules.Tests.Native;

/// <summary>The native tests' view of a reference case (read by the one loader, <see cref="ReferenceCase"/>).</summary>
internal static class NativeReference
{
    public static (double[][] Lr, double[][]? Momentum, double[] BaseLrs) Case(string id)
    {
        var c = ReferenceCase.Get(id);
        return (c.Lr, c.Momentum, c.BaseLrs);
    }

    public static void AssertClose(double expected, double actual, string where) =>
        Assert.True(ReferenceCase.Close(expected, actual), $"{where}: expected {expected:R} but got {actual:R}");
}
