using Ramp.Schedules;
using Ramp.Training.Models;
using Ramp.Training.Studies;

namespace Ramp.Training.Tests.Studies;

/// <summary>Grid expansion (placeholders, order, optional arms) and sharding (every cell in exactly one shard).</summary>
public sealed class GridExpansionTests
{
    private static StudyGrid Grid(params StudyArm[] arms) => new(
        "toy", "fashion-mnist", "shipped", new ModelSettings("mlp"), new OptimizerSettings("sgd", Momentum: 0.9), 100, null, 4,
        arms.Length > 0 ? arms : [StudyArms.NoWarmup("cosine({rest})"), StudyArms.Linear("epoch", "cosine({rest})")],
        [0.1, 0.2, 0.4], [1, 2]);

    [Fact]
    public void Cells_are_arms_times_peaks_times_seeds_with_placeholders_filled()
    {
        var plan = GridExpansion.Expand([Grid()], _ => 1000); // 10 steps per epoch, 40 steps
        Assert.Equal(2 * 3 * 2, plan.Cells.Count);
        Assert.Equal(Enumerable.Range(0, 12), plan.Cells.Select(c => c.Index));
        Assert.All(plan.Cells, c => Assert.Equal(40, c.Steps));
        Assert.Equal(["none", "warmup-10"], plan.Cells.Select(c => c.Arm.Name).Distinct());
        Assert.Equal("warmup(10) >> cosine(30)", plan.Cells.First(c => c.Arm.Name == "warmup-10").Arm.Schedule);
        Assert.Equal("cosine(40)", plan.Cells.First(c => c.Arm.Name == "none").Arm.Schedule);
        Assert.Equal(12, plan.Cells.Select(c => c.RunId).Distinct().Count());
        Assert.Equal("toy__warmup-10__lr0.2__s2", plan.Cells.Single(c => c.Arm.Name == "warmup-10" && c.PeakLr == 0.2 && c.Seed == 2).RunId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(13)]
    public void Every_cell_is_in_exactly_one_shard(int n)
    {
        var plan = GridExpansion.Expand([Grid(), Grid() with { CaseStudy = "toy2" }], _ => 1000);
        var shards = Enumerable.Range(0, n).Select(i => plan.For(new Shard(i, n))).ToArray();
        var all = shards.SelectMany(s => s.Select(c => c.Index)).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, plan.Cells.Count), all);
        Assert.True(shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1);
    }

    [Theory]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    public void Shard_parses(string text, int i, int n) => Assert.Equal(new Shard(i, n), Shard.Parse(text));

    [Theory]
    [InlineData("4/4", "shard 4/4: need n >= 1 and 0 <= i < n")]
    [InlineData("1", "expected i/n (shard i of n, zero-based, e.g. 0/4) but was '1'")]
    [InlineData("-1/2", "expected i/n (shard i of n, zero-based, e.g. 0/4) but was '-1/2'")]
    public void Bad_shard_says_why(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Shard.Parse(text)).Message);

    [Fact]
    public void Optional_arm_that_does_not_parse_is_skipped_with_a_note()
    {
        var plan = GridExpansion.Expand([Grid(StudyArms.NoWarmup("cosine({rest})"), new StudyArm("auto", "nosuch_auto()", Optional: true))], _ => 1000);
        Assert.All(plan.Cells, c => Assert.Equal("none", c.Arm.Name));
        Assert.StartsWith("toy: arm 'auto' skipped: this build cannot read \"nosuch_auto()\"", Assert.Single(plan.Notes));
    }

    [Fact]
    public void Required_arm_that_does_not_parse_names_the_arm()
    {
        var e = Assert.Throws<RampArgumentException>(() => GridExpansion.Expand([Grid(new StudyArm("bad", "cosin({steps})"))], _ => 1000));
        Assert.StartsWith("toy, arm 'bad': schedule \"cosin(40)\" at column 1: unknown schedule 'cosin'", e.Message);
    }

    [Fact]
    public void Duplicate_arm_names_and_oversized_batch_are_errors()
    {
        var twice = Assert.Throws<RampArgumentException>(() => GridExpansion.Expand([Grid(new StudyArm("a", "constant()"), new StudyArm("a", "cosine(5)"))], _ => 1000));
        Assert.StartsWith("toy: two arms are named 'a'", twice.Message);
        var batch = Assert.Throws<RampArgumentException>(() => GridExpansion.Expand([Grid()], _ => 50));
        Assert.StartsWith("toy: batch 100 is larger than the 50 training examples", batch.Message);
    }

    [Theory]
    [InlineData("warmup({epoch/2}) >> cosine({steps - epoch/2})", "warmup(5) >> cosine(35)")]
    [InlineData("wsd({(steps - 25) - steps/5}, {steps/5}, floor=0.1)", "wsd(7, 8, floor=0.1)")]
    [InlineData("{3*epoch}", "30")]
    [InlineData("no placeholders", "no placeholders")]
    public void Template_expands(string template, string expected) => Assert.Equal(expected, ScheduleTemplate.Expand(template, 40, 10));

    [Theory]
    [InlineData("cosine({steps", "column 8: '{' is not closed")]
    [InlineData("cosine({step})", "column 9: unknown name 'step' in braces (use steps or epoch)")]
    [InlineData("cosine({steps +})", "column 16: expected a number, 'steps', 'epoch' or '(' in \"{steps +}\"")]
    [InlineData("cosine({steps/0})", "column 15: division by zero")]
    public void Template_errors_name_the_column(string template, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => ScheduleTemplate.Expand(template, 40, 10)).Message);

    [Fact]
    public void Presets_expand_and_keep_the_arm_names_reports_expect()
    {
        foreach (var name in StudyPresets.Names)
            foreach (var size in new[] { "smoke", "full" })
            {
                var plan = GridExpansion.Expand(StudyPresets.Get(name, size), g => g.Data == "text" ? 200_000 : 8000);
                Assert.NotEmpty(plan.Cells);
                Assert.All(plan.Cells.GroupBy(c => c.Grid.CaseStudy), g => Assert.Contains(g, c => c.Arm.Name == StudyArms.None));
            }
    }

    [Fact]
    public void The_deep_mlp_readme_grid_is_the_smoke_grids_sgd_contrast_in_twelve_runs()
    {
        var plan = GridExpansion.Expand(StudyPresets.Get("deep-mlp", "readme"), _ => 8000);
        Assert.Equal(12, plan.Cells.Count);
        Assert.All(plan.Cells, c => Assert.Equal("deep-mlp-sgd-s1.5", c.Grid.CaseStudy));
        Assert.Equal(["none", "warmup-60", "auto"], plan.Cells.Select(c => c.RunId.Split("__")[1]).Distinct());
        Assert.Equal([0.02, 0.08], plan.Cells.Select(c => c.PeakLr).Distinct().Order());
        Assert.Equal([1, 2], plan.Cells.Select(c => c.Seed).Distinct().Order());
        Assert.All(plan.Cells, c => Assert.Equal(300, c.Steps));
        var error = Assert.Throws<RampArgumentException>(() => StudyPresets.Get("char-transformer", "readme"));
        Assert.StartsWith("the readme grid exists only for fmnist-sgd and deep-mlp", error.Message);
    }
}
