using System.CommandLine;
using Ramp.Cli.Cli;
using Ramp.Training.Studies;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp compare (--preset NAME [--grid smoke|full|readme] | --grid-file FILE.json) --out DIR [--jobs N]
/// [--shard i/n] [--seeds LIST] [--halving eta=N,min_steps=N [--rung k]] [--devices cpu|cuda|cuda:0,...] [--plan]</c>:
/// trains every cell of a warmup comparison (arms x peak learning rates x seeds) into <c>DIR/runs/</c>, resumably,
/// then writes <c>DIR/summary.csv</c> and <c>DIR/report.html</c>.
/// </summary>
public static class CompareCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var preset = new Option<string?>("--preset")
        {
            Description = "A shipped case study: fmnist-sgd, deep-mlp or char-transformer.",
            HelpName = "NAME"
        };
        preset.AcceptOnlyFromAmong([.. StudyPresets.Names]);
        var grid = new Option<string>("--grid")
        {
            Description = "Size of the preset's grid: smoke (minutes on 2 cores), full, readme " +
            "(fmnist-sgd and deep-mlp: seconds of training, the README's case study), or replace-warmup (Schedule-Free, GI-Adam, " +
            "StableAdamW and Prodigy arms; docs/CASE_STUDIES.md).", HelpName = "smoke|full|readme|replace-warmup",
            DefaultValueFactory = _ => "smoke"
        };
        grid.AcceptOnlyFromAmong([.. StudyPresets.Sizes]);
        var gridFile = new Option<string?>("--grid-file")
        {
            Description = "Your own grid: model, optimizer, arms, peaks, seeds (JSON; docs/compare.md).",
            HelpName = "FILE.json"
        };
        var output = new Option<string>("--out")
        {
            Description = "Comparison directory: runs go to DIR/runs/, the report to " +
            "DIR/report.html.", Required = true, HelpName = "DIR"
        };
        var jobs = new Option<int>("--jobs")
        {
            Description = "Cells trained at once, each in its own process with its share of the cores " +
            "(default 2).", HelpName = "N", DefaultValueFactory = _ => 2
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard i of n (zero-based; cell k goes to shard k mod n). " +
            "Merge shards with ramp report.", HelpName = "i/n"
        };
        var seeds = new Option<string?>("--seeds")
        {
            Description = "Seeds instead of the grid's: a list (1,2,3) or a range (1-5).",
            HelpName = "LIST"
        };
        var force = new Option<bool>("--force")
        {
            Description = "Discard the runs already in DIR/runs/ (finished ones too) and train " +
            "the grid anew."
        };
        var halving = new Option<string?>("--halving")
        {
            Description = "Successive halving: train every cell to a first rung (at least min_steps, after its arm's warmup), " +
            "keep the best 1/eta of each arm's cells, continue them from their checkpoints, and so on to the end.",
            HelpName = "eta=N,min_steps=N"
        };
        var devices = new Option<string?>("--devices")
        {
            Description = "Devices the workers train on, round-robin, each worker seeing only its own: cpu (default), " +
            "cuda (every visible GPU) or cuda:0,cuda:1,...", HelpName = "cpu|cuda|cuda:0,..."
        };
        var rung = new Option<int?>("--rung")
        {
            Description = "With --halving: train only rung k (from 1) of a study shared by many tasks (with --shard i/n: its " +
            "share), deciding the rung once from rung k-1's runs in DIR. Slurm: docs/jobs/compare-slurm-halving.sh.",
            HelpName = "k"
        };
        var plan = new Option<bool>("--plan")
        {
            Description = "Print what would train (with --halving: each rung, its cells and steps) and exit without training."
        };
        var worker = new Option<string?>("--worker") { Hidden = true };
        var workerDevice = new Option<string?>("--worker-device") { Hidden = true };
        var stage = new Option<int?>("--halving-stage") { Hidden = true };
        var command = new Command("compare", "Train a warmup comparison grid (arms x peak LRs x seeds), resumably, and write its report.")
        {
            preset, grid, gridFile, output, jobs, shard, seeds, force, halving, devices, rung, plan, worker, workerDevice, stage,
        };
        command.WithExamples(
            new CommandExample("ramp compare --preset deep-mlp --grid readme --out runs/demo",
                "The README's case study: an 8-layer MLP with SGD, without warmup, with a 60-step warmup and with auto()."),
            new CommandExample("ramp compare --preset char-transformer --grid smoke --out cmp/text",
                "Post-LN and Pre-LN character Transformers; collapse to the unigram baseline counts as failure."),
            new CommandExample("ramp compare --preset fmnist-sgd --grid full --out cmp/s3 --shard 3/8",
                "One of eight shards (e.g. a Slurm array task); then: ramp report cmp/s* --out cmp/all."),
            new CommandExample("ramp compare --grid-file my-grid.json --out cmp/mine --seeds 1-3",
                "Your own model, arms and peaks; run again to resume: finished runs are kept."),
            new CommandExample("ramp compare --preset fmnist-sgd --grid readme --out cmp/halved --halving eta=2,min_steps=50",
                "Successive halving: in each arm the better of two peaks trains to the end, the other is pruned at step 50 " +
                "(halving.jsonl; the report lists it as pruned)."),
            new CommandExample("ramp compare --preset fmnist-sgd --grid readme --out cmp/cpu --jobs 2 --devices cpu",
                "Two workers on the devices listed, round-robin (cuda:0,cuda:1 with two GPUs); config.json records each run's device."));
        command.SetAction(result =>
        {
            var request = new CompareRequest(
                result.GetValue(preset), result.GetRequiredValue(grid), result.GetValue(gridFile), result.GetRequiredValue(output),
                result.GetRequiredValue(jobs), result.GetValue(shard), result.GetValue(seeds), result.GetValue(worker),
                result.Tokens.Select(t => t.Value).ToArray(), result.GetValue(force))
            {
                Halving = result.GetValue(halving), Devices = result.GetValue(devices), WorkerDevice = result.GetValue(workerDevice),
                Stage = result.GetValue(stage), Rung = result.GetValue(rung), Plan = result.GetValue(plan),
            };
            return CompareRun.Execute(request, result.InvocationConfiguration.Output);
        });
        return command;
    }
}
