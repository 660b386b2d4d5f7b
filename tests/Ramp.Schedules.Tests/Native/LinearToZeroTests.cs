using CsCheck;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Tests.Native;

/// <summary>
/// Linear decay to zero (Bergsma et al. 2025). Expected values: (t+1)/W in the warmup, then (T-1-t)/(T-1-W),
/// evaluated in Python float64 outside Ramp for W = 100, T = 1000.
/// </summary>
public class LinearToZeroTests
{
    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(98, 0.99)]
    [InlineData(99, 1.0)]                   // end of warmup
    [InlineData(100, 1.0)]                  // start of decay
    [InlineData(101, 0.9988876529477196)]
    [InlineData(549, 0.5005561735261401)]
    [InlineData(998, 0.0011123470522803114)]
    [InlineData(999, 0.0)]                  // the last step: exactly 0
    [InlineData(1000, 0.0)]
    [InlineData(1_000_000_000_000, 0.0)]
    public void Boundaries(long step, double expected) =>
        Assert.Equal(expected, Presets.LinearToZero(100, 1000).ValueAt(step), 12);

    [Fact]
    public void Is_exactly_zero_on_the_last_step_and_never_before() =>
        Gen.Select(Gen.Long[1, 10_000], Gen.Long[2, 100_000]).Sample((w, extra) =>
        {
            var total = w + extra;
            var s = Presets.LinearToZero(w, total);
            return s.ValueAt(total - 1) == 0 && s.ValueAt(total - 2) > 0 && s.ValueAt(w - 1) == 1 && s.ValueAt(w) == 1;
        });

    [Fact]
    public void Rises_then_falls_within_zero_and_one() =>
        Gen.Select(Gen.Long[1, 1000], Gen.Long[2, 5000], Gen.Long[0, 7000]).Sample((w, extra, t) =>
        {
            var s = Presets.LinearToZero(w, w + extra);
            var v = s.ValueAt(t);
            var next = s.ValueAt(t + 1);
            return v is >= 0 and <= 1 && (t + 1 < w ? next > v : next <= v);
        });

    [Fact]
    public void Is_the_text_the_docs_give()
    {
        Assert.Equal("warmup(100) >> linear(899)", Presets.LinearToZero(100, 1000).ToString());
        Assert.Equal(Presets.LinearToZero(100, 1000), NativeText.ParseSchedule("warmup(100) >> linear(899)"));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(999, 1000)]
    public void A_warmup_leaving_no_decay_is_refused(long warmup, long total)
    {
        var e = Assert.Throws<ScheduleArgumentException>(() => Presets.LinearToZero(warmup, total));
        Assert.Equal("warmup", e.ParamName);
        Assert.StartsWith($"linear to zero: warmup must be in [1, total - 2] but was {warmup} (total = {total})", e.Message);
    }
}
