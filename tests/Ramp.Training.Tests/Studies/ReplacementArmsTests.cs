using Parameter = TorchSharp.Modules.Parameter;
using Ramp.Schedules;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;
using Ramp.Training.Studies;
using TorchSharp;

namespace Ramp.Training.Tests.Studies;

/// <summary>
/// The arms that try to replace warmup: each names its optimizer (and GI-Adam, and a learning-rate scale), the
/// cell builds that optimizer at that rate and records it, grid files read them, and the <c>replace-warmup</c>
/// presets expand to the grids docs/CASE_STUDIES.md reports.
/// </summary>
public sealed class ReplacementArmsTests
{
    private const string Cosine = "cosine({rest})";

    private static StudyGrid Grid(OptimizerSettings optimizer, params StudyArm[] arms) => new(
        "toy", "fashion-mnist", "shipped", new ModelSettings("mlp", Hidden: [4]), optimizer, 100, 40, null, arms, [0.01, 0.04], [1]);

    private static StudyCell Cell(StudyGrid grid, string arm, double peak) =>
        GridExpansion.Expand([grid], _ => 1000).Cells.Single(c => c.Arm.Name == arm && c.PeakLr == peak);

    [Fact]
    public void Schedule_free_is_the_sgd_variant_at_peak_over_one_minus_momentum_on_an_sgd_grid()
    {
        var sgd = new OptimizerSettings("sgd", Momentum: 0.9);
        var grid = Grid(sgd, ReplacementArms.ScheduleFree(sgd), ReplacementArms.ScheduleFreeWarmup(sgd, "10"));
        var plain = Cell(grid, "schedule-free", 0.04);
        Assert.Equal(("schedule-free-sgd", "constant()"), (plain.Optimizer.Name, plain.Arm.Schedule));
        Assert.Equal(0.4, plain.Lr, 12);
        Assert.Equal("warmup(10) >> constant()", Cell(grid, "schedule-free+warmup", 0.01).Arm.Schedule);
        Assert.Equal("toy__schedule-free_warmup__lr0.01__s1", Cell(grid, "schedule-free+warmup", 0.01).RunId);

        using var optimizer = CellRunner.BuildOptimizer(plain, Parameters());
        Assert.IsType<ScheduleFreeSgd>(optimizer);
        Assert.Equal(0.4, optimizer.ParamGroups.Single().LearningRate, 12);
        Assert.Equal(0.9, plain.Optimizer.Describe()["momentum"]);
    }

    [Fact]
    public void On_an_adam_grid_each_arm_builds_its_optimizer_at_the_peak_and_prodigy_at_peak_over_the_smallest()
    {
        var adamw = new OptimizerSettings("adamw", Beta2: 0.99, WeightDecay: 0.01);
        var grid = Grid(adamw, ReplacementArms.ScheduleFree(adamw), ReplacementArms.GiAdam(Cosine),
            ReplacementArms.StableAdamW(Cosine), ReplacementArms.Prodigy(Cosine, 0.01));
        (string Arm, Type Type, double Lr)[] expected =
        [
            ("schedule-free", typeof(ScheduleFreeAdamW), 0.04), ("gi-adam", typeof(AdamW), 0.04),
            ("stable-adamw", typeof(StableAdamW), 0.04), ("prodigy", typeof(Prodigy), 4),
        ];
        foreach (var (arm, type, lr) in expected)
        {
            var cell = Cell(grid, arm, 0.04);
            using var optimizer = CellRunner.BuildOptimizer(cell, Parameters());
            Assert.IsType(type, optimizer);
            Assert.Equal(lr, optimizer.ParamGroups.Single().LearningRate, 12);
            Assert.Equal(lr, cell.Lr, 12);
            Assert.Equal(0.99, cell.Optimizer.Beta2);
        }
        Assert.Equal("cosine(40)", Cell(grid, "gi-adam", 0.04).Arm.Schedule);
        Assert.Equal(1, Cell(grid, "prodigy", 0.01).Lr, 12);
        using (var gi = CellRunner.BuildOptimizer(Cell(grid, "gi-adam", 0.04), Parameters()))
            Assert.True(Assert.IsType<AdamW>(gi).GradientInit);
        Assert.Equal(true, Cell(grid, "gi-adam", 0.04).Optimizer.Describe()["gradient_init"]);
        Assert.False(Cell(grid, "stable-adamw", 0.04).Optimizer.Describe().ContainsKey("gradient_init"));
    }

    [Fact]
    public void A_cells_config_records_the_optimizer_its_rate_and_the_peak_it_is_filed_under()
    {
        var adamw = new OptimizerSettings("adamw", Beta2: 0.99);
        var cell = Cell(Grid(adamw, ReplacementArms.Prodigy(Cosine, 0.01)), "prodigy", 0.04);
        var config = CellRunner.Config(cell, StudyData.Load(cell.Grid), null);
        Assert.Equal(("prodigy", 4.0, 0.04, "prodigy"), (config.Optimizer, config.Lr, config.PeakLr!.Value, config.Arm));
    }

    [Fact]
    public void Gi_on_an_optimizer_that_is_not_adam_or_adamw_names_the_arm()
    {
        var sgd = new OptimizerSettings("sgd", Momentum: 0.9);
        var e = Assert.Throws<RampArgumentException>(() => GridExpansion.Expand([Grid(sgd, ReplacementArms.GiAdam(Cosine))], _ => 1000));
        Assert.StartsWith("toy, arm 'gi-adam': gi (GI-Adam) applies to adam and adamw, not 'sgd'", e.Message);
        var scale = Assert.Throws<RampArgumentException>(() =>
            GridExpansion.Expand([Grid(sgd, new StudyArm("x", "constant()", LrScale: 0))], _ => 1000));
        Assert.StartsWith("toy, arm 'x': lr_scale must be a finite number > 0 but was 0", scale.Message);
        var name = Assert.Throws<RampArgumentException>(() =>
            GridExpansion.Expand([Grid(sgd, new StudyArm("x", "constant()", Optimizer: "adagrad"))], _ => 1000));
        Assert.StartsWith("toy, arm 'x': unknown optimizer 'adagrad' (use sgd, adam, adamw, rmsprop, radam, schedule-free-adamw,",
            name.Message);
    }

    [Fact]
    public void A_grid_file_arm_names_its_optimizer_gi_and_lr_scale()
    {
        const string text = """
            { "case_study": "f", "data": "fashion-mnist", "model": { "kind": "mlp" }, "optimizer": { "name": "adam" },
              "steps": 10, "peaks": [0.001],
              "arms": [ { "name": "gi-adam", "schedule": "constant()", "gi": true },
                        { "name": "prodigy", "schedule": "constant()", "optimizer": "prodigy", "lr_scale": 1000 } ] }
            """;
        var arms = Assert.Single(GridFile.Parse(text, "g.json")).Arms;
        Assert.Equal(new StudyArm("gi-adam", "constant()", GradientInit: true), arms[0]);
        Assert.Equal(new StudyArm("prodigy", "constant()", Optimizer: "prodigy", LrScale: 1000), arms[1]);
        var zero = Assert.Throws<GridFileException>(() => GridFile.Parse(text.Replace("1000", "0"), "g.json"));
        Assert.Equal("g.json: $.arms[1].lr_scale: must be > 0 but was 0", zero.Message);
        var gi = Assert.Throws<GridFileException>(() => GridFile.Parse(text.Replace("\"adam\" }", "\"sgd\", \"gi\": true }"), "g.json"));
        Assert.Equal("g.json: $.optimizer.gi: gi (GI-Adam) applies to adam and adamw, not sgd", gi.Message);
        var momentum = Assert.Throws<GridFileException>(() =>
            GridFile.Parse(text.Replace("\"adam\" }", "\"prodigy\", \"momentum\": 0.9 }"), "g.json"));
        Assert.Equal("g.json: $.optimizer.momentum: only sgd, schedule-free-sgd and rmsprop take momentum, not prodigy", momentum.Message);
    }

    [Fact]
    public void The_replace_warmup_presets_are_the_grids_the_case_study_reports()
    {
        long Images(StudyGrid _) => 8000;
        var deep = GridExpansion.Expand(StudyPresets.Get("deep-mlp", StudyPresets.ReplaceWarmup), Images);
        string[] common = ["none", "warmup-60", "auto", "schedule-free", "schedule-free+warmup"];
        Assert.Equal(common, Arms(deep, "deep-mlp-sgd-s1.5"));
        Assert.Equal([.. common, "gi-adam", "stable-adamw", "prodigy"], Arms(deep, "deep-mlp-adamw-s1.5"));
        Assert.Equal(5 * 3 * 3 + 8 * 3 * 3, deep.Cells.Count);
        Assert.Equal([1.0, 4, 16], deep.Cells.Where(c => c.Arm.Name == "prodigy" && c.Seed == 1).Select(c => Math.Round(c.Lr, 12)));
        var fmnist = GridExpansion.Expand(StudyPresets.Get("fmnist-sgd", StudyPresets.ReplaceWarmup), Images);
        Assert.Equal(["none", "warmup-31", "auto", "schedule-free", "schedule-free+warmup"], Arms(fmnist, "fmnist-sgd"));
        var text = GridExpansion.Expand(StudyPresets.Get("char-transformer", StudyPresets.ReplaceWarmup), _ => 200_000);
        Assert.All(text.Cells, c => Assert.False(c.Grid.Model.PreLn));
        Assert.Equal(8 * 2 * 3, text.Cells.Count);
        Assert.All(deep.Cells.Concat(fmnist.Cells).Concat(text.Cells), c => Assert.Equal([1, 2, 3], c.Grid.Seeds));
    }

    private static string[] Arms(GridPlan plan, string caseStudy) =>
        [.. plan.Cells.Where(c => c.Grid.CaseStudy == caseStudy).Select(c => c.Arm.Name).Distinct()];

    private static Parameter[] Parameters() => [new Parameter(torch.zeros(3))];
}
