using Ramp.Reports.Demo;
using Ramp.Reports.Tests.Fixtures;

namespace Ramp.Reports.Tests.Demo;

public class QuadraticTests
{
    [Theory]
    [InlineData(0.05, "slow")]
    [InlineData(0.3, "fast")]
    [InlineData(0.6, "oscillating")]
    [InlineData(1.0, "on the edge")]
    [InlineData(1.04, "divergent")]
    public void Regimes_of_x_squared(double lr, string regime) => Assert.Equal(regime, QuadraticDemo.Parabola.Regime(lr));

    [Fact]
    public void Constant_descent_on_x_squared_is_geometric()
    {
        var (loss, x) = QuadraticDemo.Parabola.Descend(QuadraticDemo.Schedule(0.9, 0), 10);
        Assert.Equal(11, loss.Length);
        for (var t = 0; t <= 10; t++) Assert.Equal(Math.Pow(-0.8, t), x[t], 12); // x <- (1 - 0.9 * 2) x
        Assert.Equal(Math.Pow(0.64, 10), loss[10], 12);
    }

    [Fact]
    public void Warmup_ramps_the_learning_rate_to_the_peak()
    {
        var s = QuadraticDemo.Schedule(0.02, 10);
        Assert.Equal(0.002, s.ValueAt(0), 15);
        Assert.Equal(0.02, s.ValueAt(9), 15);
        Assert.Equal(0.02, s.ValueAt(500), 15);
    }

    [Fact]
    public void Past_the_limit_the_ill_conditioned_run_blows_up_and_stops()
    {
        var q = QuadraticDemo.IllConditioned;
        Assert.Equal(0.02, q.Limit, 15);
        var (loss, _) = q.Descend(QuadraticDemo.Schedule(1.04 * q.Limit, 0), 1000);
        Assert.True(loss.Length < 1001);
        Assert.True(loss[^1] >= Quadratic.Ceiling);
        var (stable, _) = q.Descend(QuadraticDemo.Schedule(0.98 * q.Limit, 0), 1000);
        Assert.True(stable[^1] < stable[0] * 1e-6);
    }

    [Fact]
    public void Writes_the_page_and_every_chart()
    {
        using var tmp = new TempDir();
        var files = QuadraticDemo.Write(tmp.Path);
        Assert.Equal(7, files.Count);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 1000, f));
        var html = File.ReadAllText(files[0]);
        Assert.Equal(3, html.Split("data:image/svg+xml;base64,").Length - 1);
        Assert.Contains("ramp demo quadratic", html);
    }
}
