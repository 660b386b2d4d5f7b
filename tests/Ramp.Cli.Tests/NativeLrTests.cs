using System.Globalization;
using Ramp.Schedules.Text;

namespace Ramp.Cli.Tests;

/// <summary><c>ramp lr</c> on Ramp's native text: exactly the library's values, in round-trip form.</summary>
public sealed class NativeLrTests
{
    [Theory]
    [InlineData("warmup(4) >> cosine(6, floor=0.1)", "0.5")]
    [InlineData("warmup(3) >> cosine(4)", "0.1,0.01")]
    [InlineData("onecycle(20)", "1")]
    public void Printed_values_parse_back_to_the_library_values(string spec, string baseLrs)
    {
        var lrs = baseLrs.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var set = ScheduleText.Parse(spec).Bind(lrs);

        var run = CliRun.Of("lr", spec, "--steps", "25", "--base-lr", baseLrs);

        Assert.True(run.Code == 0, run.Err);
        var (_, rows) = run.Csv();
        Assert.Equal(25, rows.Length);
        for (var t = 0; t < rows.Length; t++)
        {
            for (var g = 0; g < lrs.Length; g++)
            {
                Assert.Equal(set.LrAt(g, t), rows[t][1 + g]);
                if (set.MomentumAt(g, t) is { } m) Assert.Equal(m, rows[t][1 + lrs.Length + g]);
            }
        }
    }

    [Fact]
    public void Linear_warmup_rises_to_the_base_lr_then_cosine_ends_at_the_floor()
    {
        var run = CliRun.Of("lr", "warmup(4) >> cosine(6, floor=0.1)", "--steps", "12", "--base-lr", "0.5");

        var (header, rows) = run.Csv();
        Assert.Equal(["step", "lr"], header);
        Assert.Equal([0.125, 0.25, 0.375, 0.5, 0.5], rows.Take(5).Select(r => r[1]));
        Assert.Equal(0.05, rows[^1][1], 15);
    }

    [Fact]
    public void Misspelt_native_name_suggests_the_nearest()
    {
        var run = CliRun.Of("lr", "warmup(10) >> cosin(90)", "--steps", "5");

        Assert.Equal(2, run.Code);
        Assert.Equal(
            ["ramp: spec \"warmup(10) >> cosin(90)\" at column 15: unknown schedule 'cosin' (did you mean 'cosine', 'join', 'cosine_warmup'?)"],
            run.ErrLines);
    }
}
