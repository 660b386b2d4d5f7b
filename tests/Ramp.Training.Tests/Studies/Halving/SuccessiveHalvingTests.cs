using Ramp.Training.Models;
using Ramp.Training.Studies;
using Ramp.Training.Studies.Halving;

namespace Ramp.Training.Tests.Studies.Halving;

/// <summary>
/// Successive halving's plan: the options' grammar, where each arm's rungs are (never before its warmup ends), and
/// which cells each rung keeps (the best ceiling(n / eta) of each arm, seeds averaged, diverged last).
/// </summary>
public sealed class SuccessiveHalvingTests
{
    private static readonly StudyArm None = new("none", "cosine({steps})");
    private static readonly StudyArm Warm = new("warmup-300", "warmup(300) >> cosine({steps - 300})");

    private static IReadOnlyList<StudyCell> Cells(double[] peaks, int[] seeds, params StudyArm[] arms) =>
        GridExpansion.Expand([new StudyGrid("toy", "fashion-mnist", "shipped", new ModelSettings("mlp"), new OptimizerSettings("sgd",
            Momentum: 0.9),
            64, 1000, null, arms, peaks, seeds)], _ => 8000).Cells;

    [Theory]
    [InlineData("eta=3,min_steps=100", 3, 100)]
    [InlineData("min_steps=7, eta=2", 2, 7)]
    public void Options_parse(string text, int eta, long minSteps) => Assert.Equal(new HalvingOptions(eta, minSteps),
        HalvingOptions.Parse(text));

    [Theory]
    [InlineData("eta=1,min_steps=100", "eta must be a whole number from 2 to 100 but was '1'")]
    [InlineData("eta=3,min_steps=0", "min_steps must be a whole number of at least 1 but was '0'")]
    [InlineData("eta=3", "expected eta=N,min_steps=N (e.g. eta=3,min_steps=100) but found 'eta=3'")]
    [InlineData("eta=3,min_steps=10,rungs=2", "expected eta=N,min_steps=N (e.g. eta=3,min_steps=100) but found 'rungs=2'")]
    public void Bad_options_say_what_is_wrong(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => HalvingOptions.Parse(text)).Message);

    [Fact]
    public void The_first_rung_is_min_steps_or_the_end_of_the_arms_warmup_and_rungs_grow_by_eta()
    {
        var cells = Cells([0.1], [1], None, Warm, new StudyArm("auto", "auto() >> cosine({steps})"));
        var options = new HalvingOptions(3, 50);
        Assert.Equal([50L, 150, 450], HalvingLadder.Rungs(cells[0], options));
        Assert.Equal([299L, 897], HalvingLadder.Rungs(cells[1], options));
        Assert.Equal([50L, 150, 450], HalvingLadder.Rungs(cells[2], options));
        Assert.Empty(HalvingLadder.Rungs(cells[0], new HalvingOptions(3, 1000)));
    }

    [Fact]
    public void Each_rung_keeps_the_best_third_of_each_arm_by_the_seed_mean_and_puts_diverged_cells_last()
    {
        double[] peaks = [0.1, 0.2, 0.4, 0.8, 1.6];
        var cells = Cells(peaks, [1, 2], None, Warm);
        // Accuracy rises with the peak up to 0.4 at every step; 0.8's seed 2 diverged; seeds average 0.2 above 0.1.
        double Metric(StudyCell c, long step) => c.PeakLr == 0.8 && c.Seed == 2 ? double.NaN
            : c.PeakLr switch { 0.1 => 0.5, 0.2 => c.Seed == 1 ? 0.4 : 0.8, 0.4 => 0.7, 0.8 => 0.9, _ => 0.1 } + step * 1e-6;
        var halving = new SuccessiveHalving(cells, new HalvingOptions(3, 50), Metric);

        var first = halving.Stage(0);
        Assert.Empty(first.Decisions);
        Assert.Equal(cells.Count, first.Runs.Count);
        Assert.Equal(50, first.Runs.First(r => r.Cell.Arm.Name == "none").StopAt);
        Assert.Equal(299, first.Runs.First(r => r.Cell.Arm.Name == "warmup-300").StopAt);

        var second = halving.Stage(1);
        var none = second.Decisions.Where(d => d.Arm == "none").ToArray();
        Assert.Equal([0.4, 0.2, 0.1, 1.6, 0.8], none.Select(d => d.PeakLr)); // 0.7, 0.6, 0.5, 0.1, diverged
        Assert.Equal([true, true, false, false, false], none.Select(d => d.Kept));
        Assert.True(double.IsNaN(none[^1].Value));
        Assert.All(none, d => Assert.Equal((0, 50L, 5, 2), (d.Rung, d.Step, d.Cells, d.Keep)));
        Assert.Equal(8, second.Runs.Count); // two cells of each arm, two seeds each
        Assert.Equal(4, second.Survivors);

        var last = halving.Stage(3);
        Assert.True(last.Last);
        Assert.Equal([0.4], last.Runs.Where(r => r.Cell.Arm.Name == "none").Select(r => r.Cell.PeakLr).Distinct());
        Assert.All(last.Runs, r => Assert.Equal(1000, r.StopAt));
        Assert.False(halving.Stage(2).Last);
    }
}
