using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Tests.Native;

/// <summary>
/// The figures docs/schedules.md states in its prose about the 2024-2026 schedules ("Warmup-stable-decay, linear to
/// zero and the Power scheduler"), read from the same texts its pictures draw. The linear-to-zero and Power figures
/// are pinned by <see cref="LinearToZeroTests"/> and <see cref="PowerSchedulerTests"/>.
/// </summary>
public class DocumentedFiguresTests
{
    [Theory]
    [InlineData("warmup(100) >> wsd(500, 400)", 0.5, 0.0025, 0.0)]
    [InlineData("warmup(100) >> wsd(500, 400, shape=cosine)", 0.5, 1.5e-5, 0.0)]
    [InlineData("warmup(100) >> wsd(500, 400, shape=sqrt)", 0.2929, 0.0013, 0.0)]
    [InlineData("warmup(100) >> wsd(500, 400, shape=square)", 0.75, 0.0050, 0.0)]
    [InlineData("warmup(100) >> wsd(500, 400, shape=exp, half_life=80)", 0.1768, 0.0315, 0.03125)]
    public void Wsd_shapes_half_way_at_the_last_step_and_after(string text, double halfWay, double last, double after)
    {
        var s = NativeText.ParseSchedule(text);
        Assert.Equal(0.01, s.ValueAt(0), 12);
        Assert.Equal(1.0, s.ValueAt(99));
        Assert.Equal(1.0, s.ValueAt(600));
        Assert.True(s.ValueAt(601) < 1.0, "the decay starts at step 600");
        Assert.Equal(halfWay, s.ValueAt(800), 4);
        Assert.Equal(last, s.ValueAt(999), last < 1e-3 ? 6 : 4);
        Assert.Equal(after, s.ValueAt(1000), 12);
        Assert.Equal(after, s.ValueAt(1_000_000), 12);
    }
}
