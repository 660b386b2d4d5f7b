using Ramp.Runs;
using System.Text.Json;
using Ramp.Training.Runs;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Tests.Tuning.AutoWarmup;

public class AutoWarmupOutcomeTests
{
    private static readonly AutoWarmupController Default = new(new AutoWarmupOptions(TargetLr: 0.4));

    [Fact]
    public void A_warmup_that_reaches_the_peak_says_so_with_the_step()
    {
        var (final, trace) = Signals.Drive(Default, 200, Signals.Benign);
        var done = trace.Single(t => t.Decision?.Action == WarmupAction.Done).Decision!;
        var o = WarmupOutcome.Of(final, 0.4);
        Assert.Equal("done", o.Phase);
        Assert.Equal(done.Step, o.EndedAt);
        Assert.Equal(1, o.FinalFactor);
        Assert.Equal(0.4, o.SustainedLr);
        Assert.False(o.HeldFarBelow);
        Assert.Null(o.SuggestedPeak);
        Assert.Empty(o.HeldBy);
        Assert.Equal($"auto() reached the requested peak 0.4 at step {done.Step} after 0 holds and 0 back-offs, no gate held it.", o.Message);
    }

    [Fact]
    public void A_warmup_held_far_below_names_the_gate_the_sustained_rate_and_a_suggested_peak()
    {
        // From step 30 on the first layer's update ratio sits above the amber bound, so the factor holds where it is.
        var (final, trace) = Signals.Drive(Default, 120, (t, f) => t >= 30
            ? Signals.Benign(t, f) with { UpdateRatios = [new("fc1.weight", 0.05)] }
            : Signals.Benign(t, f));
        var holds = trace.Count(t => t.Decision?.Action == WarmupAction.Hold);
        Assert.Equal(90, holds);
        Assert.Equal(90, final.Holds);
        Assert.Equal(90, final.Tally.UpdateRatio);
        var factor = final.Factor;
        Assert.True(factor < AutoWarmupOutcome.FarBelow, $"factor {factor}");
        var o = WarmupOutcome.Of(final, 1.5);
        Assert.Equal("warming", o.Phase);
        Assert.Null(o.EndedAt);
        Assert.True(o.HeldFarBelow);
        // The factor held from step 30 on was grown from the last green step, 29.
        Assert.Equal(factor, final.HighestGreen * Default.Options.Growth, 12);
        // Held, not cut: the factor it ended at is the highest it trained at, and it trained there without a red gate.
        Assert.Equal(1.5 * factor, o.SustainedLr, 15);
        Assert.Equal(new Dictionary<string, int> { ["update-ratio"] = 90 }, o.HeldBy);
        var suggested = Assert.IsType<double>(o.SuggestedPeak);
        Assert.True(suggested <= o.SustainedLr && suggested > 0.9 * o.SustainedLr, $"suggested {suggested}, sustained {o.SustainedLr}");
        Assert.Contains("The highest rate it trained at with every gate green was ", o.Message);
        Assert.StartsWith("auto() held the learning rate far below the requested peak 1.5: the run ended while it was still warming, at ", o.Message);
        Assert.Contains("after 90 holds and 0 back-offs, held by the update-ratio gate 90 times.", o.Message);
        Assert.Contains($"suggested peak {suggested.ToString("G2", System.Globalization.CultureInfo.InvariantCulture)} (rerun with --lr", o.Message);
    }

    [Fact]
    public void Back_offs_count_towards_their_gate()
    {
        var (final, trace) = Signals.Drive(Default, 300,
            (t, f) => t == 60 ? Signals.Benign(t, f) with { Loss = 3 * Signals.Benign(t, f).Loss } : Signals.Benign(t, f));
        Assert.Equal(1, final.BackOffs);
        Assert.Equal(1, final.Tally.Catapult);
        var o = WarmupOutcome.Of(final, 0.4);
        Assert.Equal(new Dictionary<string, int> { ["catapult"] = 1 }, o.HeldBy);
        Assert.Contains("after 0 holds and 1 back-offs, held by the catapult gate 1 times.", o.Message);
    }

    [Theory]
    [InlineData(0.0021734, 0.0021)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.099999, 0.099)]
    [InlineData(37.9, 37)]
    public void Suggested_peaks_round_down_to_two_significant_digits(double x, double expected) =>
        Assert.Equal(expected, WarmupOutcome.RoundDown(x), 12);

    [Fact]
    public void The_state_with_its_tally_round_trips_through_a_checkpoint()
    {
        var (final, _) = Signals.Drive(Default, 80, (t, f) => t >= 30
            ? Signals.Benign(t, f) with { UpdateRatios = [new("fc1.weight", 0.05)] }
            : Signals.Benign(t, f));
        var back = JsonSerializer.Deserialize<AutoWarmupState>(JsonSerializer.Serialize(final, RunJson.Indented), RunJson.Indented)!;
        Assert.Equal(final.Tally, back.Tally);
        Assert.Equal(final.Holds, back.Holds);
        Assert.Equal(WarmupOutcome.Of(final, 1).Message, WarmupOutcome.Of(back, 1).Message);
    }
}
