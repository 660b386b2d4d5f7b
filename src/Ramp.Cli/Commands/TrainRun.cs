using Ramp.Runs;
using System.Globalization;
using Ramp.Cli.Cli;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Text;
using Ramp.Training.Data;
using Ramp.Training.Loop;
using Ramp.Training.Models;
using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;
using Ramp.Training.Runs;
using Ramp.Training.Tuning.AutoWarmup;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Ramp.Training.Checkpoints;

namespace Ramp.Cli.Commands;

/// <summary>Checks a <see cref="TrainRequest"/>, builds data, model, optimizer and schedule, and runs the <see cref="Trainer"/>.</summary>
public static class TrainRun
{
    private const int TextContext = 64;

    /// <summary>Runs the request; user mistakes throw <see cref="UsageException"/>.</summary>
    public static int Execute(TrainRequest r, TextWriter output, TextWriter? errors = null, IReadOnlySet<string>? given = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        given ??= new HashSet<string> { "--model", "--data", "--lr" };
        if (r.ExtendSteps is not null && !r.Resume) throw new UsageException("--extend-steps: continues the run in --out to more steps; " +
            "add --resume");
        if (r.Resume) r = TrainResume.Merge(r, given);
        if (r.Model.Length == 0) throw new UsageException("Option '--model' is required (see 'ramp train --help')");
        if (r.Data.Length == 0) throw new UsageException("Option '--data' is required (see 'ramp train --help')");
        if (r.Lr == 0 && !given.Contains("--lr")) throw new UsageException("Option '--lr' is required (see 'ramp train --help')");
        Check(r);
        PathChecks.OutputFolder("--out", r.Out);
        SpecInput.ParseAndBind(r.Schedule, [r.Lr]); // reports a spec mistake as a usage error
        var spec = ScheduleText.Parse(r.Schedule);
        CheckAuto(spec, r);
        if (r.Device == "cuda" && !torch.cuda.is_available()) throw new UsageException("--device cuda: no CUDA device is available (this " +
            "build has the CPU libtorch)");
        var (train, test) = LoadData(r);
        var steps = r.Steps ?? (long)Math.Floor(r.Epochs!.Value * (train.Count / r.Batch) / r.Accumulate);
        if (steps < 1) throw new UsageException($"--epochs {Num(r.Epochs!.Value)}: gives no full step with {train.Count} examples and " +
            $"batch {r.Batch}");
        if (train.Count < r.Batch) throw new UsageException($"--batch {r.Batch}: larger than the {train.Count} training examples");
        var settings = OptimizerFactory.Settings(r.Optimizer, r.Momentum, gradientInit: r.Gi);
        var config = new RunConfig(ModelNames.Parse(r.Model), r.Data, r.DataDir, r.Optimizer, r.Lr, r.Schedule, steps, r.Epochs, r.Batch,
            r.Seed, r.Device,
            CheckpointEvery: r.CheckpointEvery, EvalEvery: r.EvalEvery, Accumulate: r.Accumulate, EvalWindows: r.EvalWindows)
        {
            Extra = new() { ["optimizer_settings"] = settings }, // read back by --resume
        };
        if (train is ImageData images) config = images.Normalization.RecordIn(config);
        using var held = PathChecks.Lock("--out", r.Out);
        var folderUsed = File.Exists(Path.Combine(r.Out, "metrics.csv")) || File.Exists(Path.Combine(r.Out, "checkpoints", "latest.json"));
        if (folderUsed && r.Force) RunLock.ClearFolder(r.Out);
        else if (folderUsed && !r.Resume)
            throw new UsageException($"--out {r.Out}: already holds a run; add --resume to continue it, --force to replace it, or choose " +
                "another folder");
        using var scope = NewDisposeScope();
        var device = torch.device(r.Device);
        var model = BuildModel(r, train.Classes);
        model.to(device);
        var optimizer = BuildOptimizer(r, model.parameters());
        if (r.Resume) ResumedOptimizer.Check(r.Out, r.Optimizer, settings);
        var fromCheckpoint = r.Resume && PrepareResume(r, model, errors ?? TextWriter.Null);
        if (fromCheckpoint && r.ExtendSteps is not null) Extend(r.Out, steps);
        var progress = new TrainProgress(output, steps);
        var options = new TrainerOptions(config, r.Out, r.Resume, Progress: progress.Report)
        {
            Guards = r.Guards,
            Monitor = new MonitorOptions(r.ReadBackEvery, DetailEvery: r.DetailEvery),
        };
        using var trainer = new Trainer(model, train, test, optimizer, spec, options);
        RunSummary summary;
        try
        {
            summary = progress.Run(trainer);
        }
        catch (CheckpointDamagedException e)
        {
            throw new UsageException($"--resume: {CommandLineRunner.OneLine(e.Message)}", e);
        }
        output.WriteLine(TrainProgress.Describe(summary, r.Out));
        return ExitCodes.Success;
    }

    // Every checkpoint file is checked before libtorch reads it; a damaged latest one falls back to the one before.
    // Rows without any checkpoint (a run killed before its first one) cannot be continued: the run starts again from
    // step 0 with the same settings, which writes the same rows (as a comparison does with such a cell). True when a
    // checkpoint is resumed from.
    private static bool PrepareResume(TrainRequest r, nn.Module model, TextWriter errors)
    {
        try
        {
            var folder = new RunFolder(r.Out);
            Checkpointer.PrepareResume(folder, model, line => errors.WriteLine($"ramp: {line}"));
            if (File.Exists(folder.LatestCheckpoint)) return true;
            if (File.Exists(folder.MetricsCsv))
            {
                errors.WriteLine($"ramp: warning: {r.Out} has rows but no checkpoint to resume from; training the run again from step 0 " +
                    "with its settings");
                RunLock.ClearFolder(r.Out);
            }
            return false;
        }
        catch (CheckpointDamagedException e)
        {
            throw new UsageException($"--resume: {CommandLineRunner.OneLine(e.Message)}", e);
        }
    }

    // config.json records the new length (after the checkpoint was found intact, so a refused resume changes nothing);
    // every other field, a comparison's included, is kept as the run wrote it.
    private static void Extend(string output, long steps)
    {
        var folder = new RunFolder(output);
        var run = folder.ReadConfig();
        if (run.Steps != steps) folder.WriteConfig(run with { Steps = steps, Epochs = null });
    }

    private static void Check(TrainRequest r)
    {
        if ((r.Steps is null) == (r.Epochs is null) && !(r.Resume && r.Steps is not null))
            throw new UsageException("train: give exactly one of --steps N or --epochs E");
        if (r.Steps is < 1) throw new UsageException($"--steps: must be at least 1 but was {r.Steps}");
        if (r.Epochs is { } e && !(e > 0)) throw new UsageException($"--epochs: must be > 0 but was {Num(e)}");
        if (!(r.Lr > 0) || !double.IsFinite(r.Lr)) throw new UsageException($"--lr: must be a finite number > 0 but was {Num(r.Lr)}");
        if (r.Momentum is < 0 or >= 1) throw new UsageException($"--momentum: must be in [0, 1) but was {Num(r.Momentum)}");
        if (r.Accumulate < 1) throw new UsageException($"--accumulate: must be at least 1 but was {r.Accumulate}");
        if (r.Batch < 1) throw new UsageException($"--batch: must be at least 1 but was {r.Batch}");
        if (r.ReadBackEvery < 1) throw new UsageException($"--read-back-every: must be at least 1 but was {r.ReadBackEvery}");
        if (r.DetailEvery < 1) throw new UsageException($"--detail-every: must be at least 1 but was {r.DetailEvery}");
        if (r.CheckpointEvery < 0) throw new UsageException($"--checkpoint-every: must be at least 0 but was {r.CheckpointEvery}");
        if (r.Resume && r.Force) throw new UsageException("train: --resume continues the run in --out and --force replaces it; " +
            "give one of them");
        if (r.EvalEvery < 0) throw new UsageException($"--eval-every: must be at least 0 but was {r.EvalEvery}");
        if (ModelFactory.IsText(r.Model) != (r.Data == "text"))
            throw new UsageException($"--model {r.Model}: does not fit --data {r.Data} (transformer trains on text, the others on " +
                "fashion-mnist)");
        if (r.Momentum != 0 && r.Optimizer is not ("sgd" or "rmsprop" or "schedule-free-sgd"))
            throw new UsageException($"--momentum: only sgd, rmsprop and schedule-free-sgd take momentum, not {r.Optimizer}");
        if (r.Gi && !OptimizerFactory.GradientInitNames.Contains(r.Optimizer))
            throw new UsageException($"--gi: applies to --optimizer adam or adamw, not {r.Optimizer}");
        try
        {
            r.Guards.Validated();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new UsageException(CommandLineRunner.OneLine(ex.Message), ex);
        }
    }

    private static void CheckAuto(Schedules.ScheduleSpec spec, TrainRequest r)
    {
        if (spec is not AutoWarmupSpec auto) return;
        try
        {
            AutoWarmupSpecs.Options(auto, r.Optimizer);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var message = CommandLineRunner.OneLine(ex.Message);
            throw new UsageException($"spec \"{SpecInput.Shorten(r.Schedule)}\": {message}", ex);
        }
    }

    /// <summary><c>--eval-windows</c>: a whole number at least 0, or <c>all</c> (= 0, the whole split); absent = the default.</summary>
    internal static int EvalWindows(string? text) => text switch
    {
        null => RunConfig.DefaultEvalWindows,
        "all" => 0,
        _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new UsageException($"--eval-windows: must be a whole number >= 0 or 'all' but was '{text}'"),
    };

    internal static (ITrainingData Train, ITrainingData Test) LoadData(TrainRequest r)
    {
        if (r.DataDir is { } given && r.Data == "text") PathChecks.InputFile("--data-dir", given);
        else if (r.DataDir is { } folder) PathChecks.InputFolder("--data-dir", folder);
        try
        {
            if (r.Data == "text")
            {
                var corpus = r.DataDir is null ? TextCorpus.Shipped() : TextCorpus.FromFile(r.DataDir);
                var (train, test) = TextData.Split(corpus, TextContext);
                return (train, test);
            }
            var (images, tests) = r.DataDir is null ? FashionMnist.LoadDefault() : FashionMnist.Load(r.DataDir);
            return ImageData.Normalised(images, tests, r.InputNormalization);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IdxFormatException or ArgumentException)
        {
            // The readers' messages start with the file they read; the option is named once, before it.
            var message = CommandLineRunner.OneLine(ex.Message);
            var source = r.DataDir ?? "shipped";
            throw new UsageException(message.StartsWith(source, StringComparison.Ordinal) ? $"--data-dir {message}"
                : $"--data-dir {source}: {message}", ex);
        }
    }

    internal static nn.Module<Tensor, Tensor> BuildModel(TrainRequest r, int classes) =>
        ModelFactory.Create(new ModelSettings(r.Model, Context: TextContext), classes, r.Seed);

    internal static OptimizerHelper BuildOptimizer(TrainRequest r, IEnumerable<Parameter> parameters) =>
        OptimizerFactory.Create(r.Optimizer, parameters, r.Lr, momentum: r.Momentum, gradientInit: r.Gi);

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
