using Ramp.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Optimizers;

public sealed class HeldScalarsTests
{
    [Fact]
    public void Equal_values_share_one_Scalar_and_zero_keeps_its_sign()
    {
        using var held = new HeldScalars();
        Assert.Same(held[0.9], held[0.9]);
        Assert.NotSame(held[0.0], held[-0.0]);
        Assert.Same(held[double.NaN], held[double.NaN]);
        Assert.Equal(4, held.Count);
    }

    [Fact]
    public void A_held_Scalar_carries_its_value_into_an_operation()
    {
        using var held = new HeldScalars();
        using var x = ones(2, float64);
        x.mul_(held[-2.5]).add_(held[1e-8], held[1.0]);
        Assert.Equal([-2.5 + 1e-8, -2.5 + 1e-8], x.data<double>().ToArray());
        using var signed = ones(1, float64);
        Assert.True(double.IsNegative(signed.mul_(held[-0.0]).item<double>()));
    }

    [Fact]
    public void Dispose_releases_every_Scalar()
    {
        var held = new HeldScalars();
        var scalar = held[3.0];
        held.Dispose();
        Assert.Equal(0, held.Count);
        Assert.Throws<InvalidOperationException>(() => ones(1).mul(scalar));
    }
}
