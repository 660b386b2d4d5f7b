using Ramp.Reports.Demo;

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

    [Fact]
    public void Past_the_limit_warmup_delays_the_blow_up_by_a_computed_number_of_steps()
    {
        var q = QuadraticDemo.Parabola;
        var lr = 1.04 * q.Limit;
        var plain = DescentOutcome.Of(q, lr, 0, QuadraticDemo.ParabolaSteps);
        var warmed = DescentOutcome.Of(q, lr, QuadraticDemo.ParabolaWarmup, QuadraticDemo.ParabolaSteps);

        // Without warmup |r| = 1.08 from the first step: x^2 * 1.1664 a step, above the start at once.
        Assert.Equal(1, plain.AboveStartAt);
        Assert.Equal(1.08, warmed.Growth, 12);
        // With warmup the loss dives while the ramp is near 1/L, then grows 1.1664x a step from there.
        Assert.True(warmed.Min < 1e-12 && warmed.End < 1e-9 && warmed.Rising && warmed.End > warmed.Min);
        var back = warmed.AboveStartAt!.Value;
        Assert.True(back > QuadraticDemo.ParabolaSteps);
        var (loss, _) = q.Descend(QuadraticDemo.Schedule(lr, QuadraticDemo.ParabolaWarmup), back);
        Assert.True(loss[back] > loss[0] && loss[back - 1] <= loss[0]);
    }

    [Fact]
    public void Findings_say_what_the_numbers_show()
    {
        var findings = QuadraticFindings.All();

        Assert.Contains(findings, f => f.Contains("every run ends its 60 steps below its starting loss", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warmup delays the blow-up by", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("only delays", StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_page_of_the_docs_states_the_computed_findings()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Ramp.slnx"))) root = Path.GetDirectoryName(root)!;
        var doc = File.ReadAllText(Path.Combine(root, "docs", "demo.md")).ReplaceLineEndings("\n");
        var expected = string.Join("\n", QuadraticFindings.All().Select(f => "- " + f));

        var start = doc.IndexOf("<!-- findings: computed", StringComparison.Ordinal);
        var body = doc[(doc.IndexOf('\n', start) + 1)..doc.IndexOf("<!-- end findings -->", StringComparison.Ordinal)].Trim();
        Assert.True(expected == body, "docs/demo.md's findings must read exactly:\n" + expected);
    }

    [Fact]
    public void Page_shows_the_findings()
    {
        using var tmp = new TempDir();
        var html = File.ReadAllText(QuadraticDemo.Write(tmp.Path)[0]);

        Assert.All(QuadraticFindings.All(), f => Assert.Contains(System.Net.WebUtility.HtmlEncode(f), html));
        Assert.DoesNotContain("only delays", html);
    }
}
