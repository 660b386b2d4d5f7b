using System.CommandLine;
using Ramp.Cli.Cli;
using Ramp.Training.Models;
using Ramp.Training.Guards;
using Ramp.Training.Optimizers;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp train --model M --data D --lr X (--steps N | --epochs E) --out DIR [...]</c>: trains a model with a
/// schedule, guards and full monitoring into a run folder (docs/run-folder.md), with a live progress bar.
/// </summary>
public static class TrainCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        // --model, --data and --lr are required, except with --resume, which reads them from the run (TrainRun checks).
        var model = Choice("--model", "Model: mlp, cnn, deep-mlp (fashion-mnist) or transformer (text); required unless resuming.",
            [.. ModelFactory.Names]);
        var data = Choice("--data", "Data: fashion-mnist or text (the shipped Shakespeare excerpt or --data-dir FILE).",
            "fashion-mnist", "text");
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "Fashion-MNIST IDX folder, or a UTF-8 text file for --data text.",
            HelpName = "D"
        };
        var optimizer = Choice("--optimizer", "Optimizer (default sgd); the warmup-free ones are in docs/optimizers.md.",
            [.. OptimizerFactory.Names]);
        optimizer.DefaultValueFactory = _ => "sgd";
        var lr = new Option<double>("--lr")
        {
            Description = "Base (peak) learning rate; a native schedule multiplies it; required unless resuming.",
            HelpName = "X"
        };
        var momentum = new Option<double>("--momentum")
        {
            Description = "SGD momentum (default 0; schedule-free-sgd: its interpolation, 0 = 0.9).",
            HelpName = "M"
        };
        var gi = new Option<bool>("--gi")
        {
            Description = "GI-Adam: adam's or adamw's second moment starts from the first gradient's square."
        };
        var schedule = new Option<string>("--schedule")
        {
            Description = "Schedule text: native (warmup(100) >> cosine(900)) or a peer's call (default constant()).",
            HelpName = "SPEC",
            DefaultValueFactory = _ => "constant()"
        };
        var steps = new Option<long?>("--steps") { Description = "Optimizer steps.", HelpName = "N" };
        var epochs = new Option<double?>("--epochs")
        {
            Description = "Epochs (full batches per epoch times E, rounded down).",
            HelpName = "E"
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Examples per step (default 64).",
            HelpName = "B",
            DefaultValueFactory = _ => 64
        };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation and data order (default 0).", HelpName = "S" };
        var output = new Option<string>("--out") { Description = "Run folder to write.", Required = true, HelpName = "DIR" };
        var device = Choice("--device", "cpu or cuda (default cpu).", "cpu", "cuda");
        device.DefaultValueFactory = _ => "cpu";
        var clip = new Option<double?>("--clip")
        {
            Description = "Clip gradients to this global norm (1.0 is usual).",
            HelpName = "MAX_NORM"
        };
        var agc = new Option<double?>("--agc")
        {
            Description = "Adaptive gradient clipping, unit-wise, with this lambda (NFNets: 0.01).",
            HelpName = "LAMBDA"
        };
        var zclip = new Option<bool>("--zclip") { Description = "ZClip: z-score clipping of the gradient norm (alpha 0.97, z 2.5)." };
        var skip = new Option<bool>("--skip-spikes")
        {
            Description = "Skip updates whose loss or gradient norm is non-finite or 6 sigma above a 128-step window."
        };
        var rollback = new Option<bool>("--rollback")
        {
            Description = "On NaN or repeated skips, roll back to the last checkpoint with half the learning rate and a " +
                "20-step re-warm-up."
        };
        var checkpointEvery = new Option<int>("--checkpoint-every")
        {
            Description = "Steps between checkpoints (default: only at the end; 50 with --rollback).",
            HelpName = "K"
        };
        var evalEvery = new Option<int>("--eval-every")
        {
            Description = "Steps between evaluations on the test split (default: only at the end).",
            HelpName = "K"
        };
        var evalWindows = new Option<string?>("--eval-windows")
        {
            Description = "Test windows a language model is evaluated on: a fixed, seeded sample of N (default 2048), or 0 or all for " +
                "the whole split.",
            HelpName = "N|all"
        };
        var readBack = new Option<int>("--read-back-every")
        {
            Description = "Steps between device-to-host read-backs of the metrics (default 25).",
            HelpName = "K",
            DefaultValueFactory = _ => 25
        };
        var detailEvery = new Option<int>("--detail-every")
        {
            Description = "Steps between detail steps, which also measure per-layer update ratios, weight norms and dead ReLU units " +
                "(default 25; 1 = every step).",
            HelpName = "K",
            DefaultValueFactory = _ => 25
        };
        var accumulate = new Option<int>("--accumulate")
        {
            Description = "Mini-batches whose gradients make one optimizer step (default 1).",
            HelpName = "N",
            DefaultValueFactory = _ => 1
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue the run in --out from its last checkpoint, with the settings in its config.json (options that differ " +
                "are refused)."
        };
        var extendSteps = new Option<long?>("--extend-steps")
        {
            Description = "With --resume: continue the run to N steps in all, where its schedule gives those steps values of their own " +
                "(docs/run-folder.md, Resuming).",
            HelpName = "N"
        };
        var force = new Option<bool>("--force") { Description = "Discard the run already in --out and train a new one there." };
        var command = new Command("train", "Train a model with a schedule, guards and monitoring into a run folder.")
        {
            model, data, dataDir, optimizer, lr, momentum, gi, schedule, steps, epochs, batch, seed, output, device,
            clip, agc, zclip, skip, rollback, checkpointEvery, evalEvery, evalWindows, readBack, detailEvery, accumulate, resume,
                extendSteps, force,
        };
        command.WithExamples(
            new CommandExample("ramp train --model mlp --data fashion-mnist --optimizer sgd --momentum 0.9 --lr 0.1 " +
                "--schedule \"warmup(50) >> cosine(250)\" --steps 300 --out runs/mlp",
                "SGD with momentum, a 50-step linear warmup, then cosine decay; reaches about 0.84 test accuracy (run folder runs/mlp)."),
            new CommandExample("ramp train --model transformer --data text --optimizer adamw --lr 3e-3 --steps 200 --batch 32 --clip 1 " +
                "--out runs/lm",
                "A small character-level transformer, 200 steps with clipping at global norm 1 (clip lines in events.jsonl)."),
            new CommandExample("ramp train --model mlp --data fashion-mnist --lr 0.2 --momentum 0.9 --steps 500 --zclip --skip-spikes " +
                "--rollback --out runs/guarded",
                "A constant lr 0.2 without warmup, too high for this MLP: ZClip clips the gradient norm where it jumps (zclip lines in " +
                    "events.jsonl, with the norm and its z-score), skip-step drops the steps whose loss spikes (skip lines) and " +
                    "roll-back returns to the last checkpoint at half the rate after repeated skips (rollback and rewarm lines). The run " +
                    "survives, with dead ReLUs and well below the warmed-up example above."),
            new CommandExample("ramp train --model mlp --data fashion-mnist --lr 1.5 --momentum 0.9 --schedule \"auto() >> cosine(300)\" " +
                "--steps 300 --out runs/auto",
                "Automatic warmup towards lr 1.5, a peak this MLP cannot take: the gates hold the rate far below it and the run trains " +
                    "there; the console and summary.json (auto_warmup) say so, with the rate it sustained and a suggested peak, and " +
                    "events.jsonl names the gate behind each hold."),
            new CommandExample("ramp train --resume --out runs/mlp",
                "Continue runs/mlp from its last checkpoint with the settings in its config.json (same rows and learning rates as an " +
                    "uninterrupted run)."));
        command.SetAction(result =>
        {
            var guards = new GuardOptions(
                result.GetValue(clip) is { } c ? new NormClipOptions(c) : null,
                result.GetValue(agc) is { } a ? new AgcOptions(a) : null,
                result.GetValue(zclip) ? new ZClipOptions() : null,
                result.GetValue(skip) ? new SpikeSkipOptions() : null,
                result.GetValue(rollback) ? new RollbackOptions() : null);
            var request = new TrainRequest(
                result.GetValue(model) ?? "", result.GetValue(data) ?? "", result.GetValue(dataDir), result.GetRequiredValue(optimizer),
                result.GetValue(lr), result.GetValue(momentum), result.GetRequiredValue(schedule), result.GetValue(steps),
                result.GetValue(epochs), result.GetRequiredValue(batch), result.GetValue(seed), result.GetRequiredValue(output),
                result.GetRequiredValue(device), guards, result.GetValue(checkpointEvery), result.GetValue(evalEvery),
                result.GetRequiredValue(readBack), result.GetValue(resume), result.GetRequiredValue(accumulate),
                    result.GetRequiredValue(detailEvery),
                result.GetValue(force), TrainRun.EvalWindows(result.GetValue(evalWindows)), result.GetValue(gi),
                result.GetValue(extendSteps));
            var given = command.Options.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToHashSet();
            return TrainRun.Execute(request, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, given);
        });
        return command;
    }

    private static Option<string> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', values) };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
