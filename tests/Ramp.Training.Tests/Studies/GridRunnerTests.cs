using Ramp.Runs;
using Ramp.Training.Models;
using Ramp.Training.Loop;
using Ramp.Training.Studies;

namespace Ramp.Training.Tests.Studies;

/// <summary>The grid runner on real (tiny) runs: finished runs are not re-run, stopped ones resume, torn ones restart.</summary>
public sealed class GridRunnerTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "ramp-grid-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private static StudyGrid Grid => new("tiny", "fashion-mnist", "shipped", new ModelSettings("mlp", Hidden: [8]),
        new OptimizerSettings("sgd", Momentum: 0.9), 32, 60, null,
        [StudyArms.NoWarmup("cosine({rest})"), StudyArms.Linear("10", "cosine({rest})")], [0.05], [1]);

    private static readonly Lazy<StudyData> Data = new(() => StudyData.Load(Grid));

    private IReadOnlyList<StudyCell> Cells => GridExpansion.Expand([Grid], _ => Data.Value.Train.Count).Cells;

    private IReadOnlyList<CellOutcome> RunAll() =>
        new GridRunner(_out, 1, "test").Run(Cells, new Dictionary<string, StudyData> { ["tiny"] = Data.Value });

    [Fact]
    public void A_finished_run_is_not_run_again()
    {
        var first = RunAll();
        Assert.All(first, o => Assert.Equal((CellAction.Trained, "finished"), (o.Action, o.Status)));
        var metrics = Path.Combine(new GridRunner(_out).FolderOf(Cells[0]), "metrics.csv");
        var written = File.GetLastWriteTimeUtc(metrics);
        var lines = File.ReadAllLines(metrics);
        Assert.Equal(61, lines.Length);
        var second = RunAll();
        Assert.All(second, o => Assert.Equal(CellAction.Skipped, o.Action));
        Assert.Equal(first.Select(o => o.FinalLoss), second.Select(o => o.FinalLoss));
        Assert.Equal(written, File.GetLastWriteTimeUtc(metrics));
        Assert.Equal(lines, File.ReadAllLines(metrics));
    }

    [Fact]
    public void A_cell_recorded_before_inputs_were_normalised_is_a_conflict_not_a_resume()
    {
        var cell = Cells[0];
        var folder = new GridRunner(_out).FolderOf(cell);
        var config = CellRunner.Config(cell, Data.Value, "test");
        Assert.Equal((Data.Value.Normalization!.Mean, Data.Value.Normalization.Std), (config.InputMean!.Value, config.InputStd!.Value));
        new RunFolder(folder).WriteConfig(config with { InputMean = null, InputStd = null });
        var conflict = CellState.Conflict(folder, config);
        Assert.NotNull(conflict);
        Assert.Contains("this run was made with input normalisation none (pixels / 255), the grid now asks for mean 0.", conflict);
        Assert.Null(CellState.Conflict(folder, config with { InputMean = null, InputStd = null }));
    }

    [Fact]
    public void A_stopped_run_resumes_from_its_checkpoint_and_a_torn_one_restarts()
    {
        var cells = Cells;
        var runner = new GridRunner(_out);
        // Cell 0: killed after step 55 (its checkpoint is at step 50). Cell 1: a folder with rows but no checkpoint.
        var stopped = cells[0];
        var config = CellRunner.Config(stopped, Data.Value, "test");
        var crashed = CellRunner.Train(stopped, Data.Value, config, runner.FolderOf(stopped), resume: false, progress: null, hooks: new TrainingHooks(CrashAfter: s => s == 55));
        Assert.Equal(RunStatus.Running, crashed.Status);
        var torn = runner.FolderOf(cells[1]);
        Directory.CreateDirectory(torn);
        File.WriteAllText(Path.Combine(torn, "metrics.csv"), "step,epoch,loss\n0,0,2.3\n");

        var outcomes = RunAll();

        Assert.Equal([CellAction.Resumed, CellAction.Restarted], outcomes.Select(o => o.Action));
        Assert.All(outcomes, o => Assert.Equal("finished", o.Status));
        foreach (var cell in cells)
        {
            var rows = File.ReadAllLines(Path.Combine(runner.FolderOf(cell), "metrics.csv")).Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), rows);
        }
    }

    [Fact]
    public void A_folder_made_with_other_settings_is_an_error_not_a_silent_mix()
    {
        RunAll();
        var changed = Grid with { Steps = 80 };
        var cells = GridExpansion.Expand([changed], _ => Data.Value.Train.Count).Cells;
        var outcome = new GridRunner(_out).Run(cells, new Dictionary<string, StudyData> { ["tiny"] = Data.Value })[0];
        Assert.Equal(CellAction.Failed, outcome.Action);
        Assert.Contains("this run was made with schedule cosine(60), the grid now asks for cosine(80)", outcome.Error);
    }

    [Fact]
    public void Config_records_the_grid_coordinates()
    {
        RunAll();
        var folder = new GridRunner(_out).FolderOf(Cells[1]);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "config.json")));
        var c = doc.RootElement;
        Assert.Equal("tiny", c.GetProperty("case_study").GetString());
        Assert.Equal("warmup-10", c.GetProperty("arm").GetString());
        Assert.Equal(0.05, c.GetProperty("peak_lr").GetDouble());
        Assert.Equal(1, c.GetProperty("seed").GetInt32());
        Assert.Equal("warmup(10) >> cosine(50)", c.GetProperty("schedule").GetString());
        Assert.Equal("test", c.GetProperty("command").GetString());
        Assert.False(c.TryGetProperty("unigram_baseline", out _));
    }

    [Fact]
    public void Text_runs_record_the_unigram_baseline_below_the_entropy()
    {
        var text = new StudyGrid("lm", "text", "shipped", new ModelSettings("transformer", Layers: 1, Dim: 16, Heads: 2, Context: 16),
            new OptimizerSettings("adamw"), 8, 3, null, [StudyArms.NoWarmup("constant()")], [1e-3], [1], CollapseMargin: 0.2);
        var data = StudyData.Load(text);
        var cell = GridExpansion.Expand([text], _ => data.Train.Count).Cells[0];
        var config = CellRunner.Config(cell, data, null);
        var entropy = (double)config.Extra!["unigram_entropy"];
        Assert.InRange(entropy, 2.5, Math.Log(data.Train.Classes));
        Assert.Equal(entropy - 0.2, config.UnigramBaseline!.Value, 12);
    }

    [Fact]
    public void Entropy_of_uniform_tokens_is_log_of_the_vocabulary() =>
        Assert.Equal(Math.Log(4), StudyData.Entropy([0, 1, 2, 3, 3, 2, 1, 0], 4), 12);
}
