using Ramp.Training.Runs;
using Ramp.Runs;
using Ramp.Schedules.Text;
using Ramp.Training.Guards;
using Ramp.Training.Loop;
using Ramp.Training.Models;
using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Ramp.Training.Checkpoints;

namespace Ramp.Training.Studies;

/// <summary>Trains one cell of a grid into its run folder with the <see cref="Trainer"/>.</summary>
internal static class CellRunner
{
    /// <summary>
    /// The configuration a cell's run records (grid coordinates in <see cref="RunConfig.CaseStudy"/>, <see cref="RunConfig.Arm"/>,
    /// <see cref="RunConfig.PeakLr"/>; the optimizer's rate, <see cref="StudyCell.Lr"/>, in <see cref="RunConfig.Lr"/>).
    /// </summary>
    public static RunConfig Config(StudyCell cell, StudyData data, string? command) => Config(cell, data, command, "cpu");

    /// <summary>As the three-argument overload, recording <paramref name="device"/> (<c>cpu</c> or <c>cuda:N</c>) as the device the run
    /// trains on.</summary>
    public static RunConfig Config(StudyCell cell, StudyData data, string? command, string device)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(data);
        var g = cell.Grid;
        var extra = new Dictionary<string, object>
        {
            ["model_settings"] = g.Model.Describe(),
            ["optimizer_settings"] = cell.Optimizer.Describe(),
            ["data_source"] = data.Source,
        };
        if (data.UnigramEntropy is { } h)
        {
            extra["unigram_entropy"] = h;
            extra["collapse_margin"] = g.CollapseMargin;
        }
        var checkpointEvery = (int)Math.Max(50, cell.Steps / 4);
        var config = new RunConfig(ModelNames.Parse(g.Model.Kind), g.Data, g.DataDir, cell.Optimizer.Name, cell.Lr,
            cell.Arm.Schedule, cell.Steps,
            g.Epochs, g.Batch, cell.Seed, device, RunJson.ToElement(Guards(cell)), RunJson.ToElement(Monitor), checkpointEvery, 0)
        {
            CaseStudy = g.CaseStudy,
            Arm = cell.Arm.Name,
            PeakLr = cell.PeakLr,
            UnigramBaseline = data.UnigramEntropy - g.CollapseMargin,
            Command = command,
            Extra = extra,
        };
        return data.Normalization?.RecordIn(config) ?? config;
    }

    private static readonly MonitorOptions Monitor = new(25);

    private static GuardOptions Guards(StudyCell cell)
    {
        var guards = cell.Arm.Guards ?? [];
        return new GuardOptions(
            guards.Contains("clip") ? new NormClipOptions() : null, null,
            guards.Contains("zclip") ? new ZClipOptions() : null,
            guards.Contains("skip") ? new SpikeSkipOptions() : null, null);
    }

    /// <summary>Trains <paramref name="cell"/> into <paramref name="folder"/>, resuming from its checkpoint when <paramref
    /// name="resume"/>.</summary>
    public static RunSummary Train(StudyCell cell, StudyData data, RunConfig config, string folder, bool resume,
        Action<IReadOnlyList<StepRecord>>? progress = null) => Train(cell, data, config, folder, resume, progress, TrainingHooks.None);

    /// <summary>
    /// As the other overload, pausing after <paramref name="pauseAt"/> steps when it is below the cell's length (a
    /// checkpoint at that step and a <c>running</c> summary; training it again with a later pause or none resumes it).
    /// </summary>
    public static RunSummary Train(StudyCell cell, StudyData data, RunConfig config, string folder, bool resume, long? pauseAt) =>
        Train(cell, data, config, folder, resume, null, TrainingHooks.None, pauseAt);

    /// <summary>As the public overload, with test hooks.</summary>
    internal static RunSummary Train(StudyCell cell, StudyData data, RunConfig config, string folder, bool resume,
        Action<IReadOnlyList<StepRecord>>? progress, TrainingHooks hooks, long? pauseAt = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        // The spec, not a bound set: the trainer binds it to the optimizer's rate and runs auto(...) warmups itself.
        var spec = ScheduleText.Parse(cell.Arm.Schedule);
        var model = ModelFactory.Create(cell.Grid.Model, data.Train.Classes, cell.Seed);
        if (config.Device != "cpu") model.to(torch.device(config.Device));
        var optimizer = BuildOptimizer(cell, model.parameters());
        if (resume) resume = CanResume(folder, model);
        var options = new TrainerOptions(config, folder, resume, progress)
        {
            Hooks = hooks, Guards = Guards(cell), Monitor = Monitor,
            PauseAt = pauseAt
        };
        using var trainer = new Trainer(model, data.Train, data.Test, optimizer, spec, options);
        return trainer.Run().Summary;
    }

    // A cell is reproducible: when no checkpoint is intact (a disk fault, not a kill) it is trained again from scratch.
    private static bool CanResume(string folder, nn.Module model)
    {
        try
        {
            return Checkpointer.PrepareResume(new RunFolder(folder), model, _ => { }) is not null;
        }
        catch (CheckpointDamagedException)
        {
            RunLock.ClearFolder(folder);
            return false;
        }
    }

    // An arm that swaps in radam keeps the grid's kind of weight decay: decoupled under an adamw grid, L2 otherwise.
    internal static OptimizerHelper BuildOptimizer(StudyCell cell, IEnumerable<Parameter> parameters)
    {
        var o = cell.Optimizer;
        return OptimizerFactory.Create(o.Name, parameters, cell.Lr, o.Momentum, o.Beta1, o.Beta2, o.Eps, o.WeightDecay,
            decoupledWeightDecay: cell.Grid.Optimizer.Name == "adamw", gradientInit: o.GradientInit);
    }
}
