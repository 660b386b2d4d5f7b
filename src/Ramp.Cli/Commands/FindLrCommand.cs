using System.CommandLine;
using Ramp.Cli.Cli;
using Ramp.Training.Models;
using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp find-lr --model M --data D --out DIR [...]</c>: the LR range test with its four suggestion rules, the
/// cold-start search, and a recommended (peak LR, warmup) pair; writes <c>find-lr.json</c>, <c>find-lr.csv</c> and
/// the curve as <c>find-lr.png</c> / <c>find-lr.svg</c>.
/// </summary>
public static class FindLrCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var model = Choice("--model", "Model: mlp, cnn, deep-mlp (fashion-mnist) or transformer (text).", [.. ModelFactory.Names]);
        model.Required = true;
        var data = Choice("--data", "Data: fashion-mnist or text.", "fashion-mnist", "text");
        data.Required = true;
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "Fashion-MNIST IDX folder, or a UTF-8 text file for --data text.",
            HelpName = "D"
        };
        var optimizer = Choice("--optimizer", "Optimizer (default sgd).", "sgd", "adam", "adamw", "rmsprop", "radam");
        optimizer.DefaultValueFactory = _ => "sgd";
        var momentum = new Option<double>("--momentum") { Description = "SGD or RMSprop momentum (default 0).", HelpName = "M" };
        var batch = new Option<int>("--batch")
        {
            Description = "Examples per step (default 64).",
            HelpName = "B",
            DefaultValueFactory = _ => 64
        };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation and data order (default 0).", HelpName = "S" };
        var defaults = new RangeTestPlan();
        var steps = new Option<int>("--steps")
        {
            Description = F($"Iterations of the range test (default {defaults.Iterations})."),
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Iterations
        };
        var startLr = new Option<double>("--start-lr")
        {
            Description = F($"First learning rate of the ramp (default {defaults.StartLr:G3})."),
            HelpName = "X",
            DefaultValueFactory = _ => defaults.StartLr
        };
        var endLr = new Option<double>("--end-lr")
        {
            Description = F($"Last learning rate of the ramp (default {defaults.EndLr:G3})."),
            HelpName = "X",
            DefaultValueFactory = _ => defaults.EndLr
        };
        var coldStart = new Option<int>("--cold-start-steps")
        {
            Description = F($"K: steps each cold-start trial must survive without warmup (default {FindLrRun.DefaultColdStartSteps}; ")
                + "0 skips the search).",
            HelpName = "K",
            DefaultValueFactory = _ => FindLrRun.DefaultColdStartSteps
        };
        var total = new Option<long?>("--total-steps")
        {
            Description = "Length of the planned run; caps the recommended warmup at a quarter of it and sets the --validate runs' length.",
            HelpName = "T"
        };
        var validate = new Option<bool>("--validate")
        {
            Description = F($"Train the recommendation briefly (--total-steps, default {FindLrRun.DefaultValidateSteps}) ")
                + "next to half and twice its peak, and say whether it held."
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for find-lr.json, find-lr.csv and the chart.",
            Required = true,
            HelpName = "DIR"
        };
        var device = Choice("--device", "cpu or cuda (default cpu).", "cpu", "cuda");
        device.DefaultValueFactory = _ => "cpu";
        var force = new Option<bool>("--force") { Description = "Replace the results already in --out." };
        var command = new Command("find-lr", "LR range test, cold-start search and a recommended (peak LR, warmup) pair.")
        {
            model, data, dataDir, optimizer, momentum, batch, seed, steps, startLr, endLr, coldStart, total, validate,
                output, device, force,
        };
        command.WithExamples(
            new CommandExample("ramp find-lr --model mlp --data fashion-mnist --optimizer sgd --momentum 0.9 --out runs/find-lr",
                F($"Range test from {defaults.StartLr:G3} to {defaults.EndLr:G3} over {defaults.Iterations} steps and a cold-start ") +
                    F($"search over {FindLrRun.DefaultColdStartSteps}-step trials; prints a recommended peak and warmup with its ") +
                    "reasons and a ramp train line that uses them; chart in runs/find-lr."),
            new CommandExample("ramp find-lr --model mlp --data fashion-mnist --momentum 0.9 --batch 256 --total-steps 186 --validate " +
                "--out runs/find-lr-check",
                "The same for a 186-step run at batch 256, then trains the recommendation for 186 steps next to half and twice its peak " +
                    "and prints whether it held."),
            new CommandExample("ramp find-lr --model transformer --data text --optimizer adamw --batch 32 --steps 100 --start-lr 1e-6 " +
                "--end-lr 1 --cold-start-steps 0 --out runs/lm-lr",
                "A 100-step range test only, for a small character-level transformer with AdamW (the warmup is then Adam's untuned " +
                    "2/(1-beta2))."));
        command.SetAction(result => FindLrRun.Execute(new FindLrRequest(
            result.GetRequiredValue(model), result.GetRequiredValue(data), result.GetValue(dataDir), result.GetRequiredValue(optimizer),
            result.GetValue(momentum), result.GetRequiredValue(batch), result.GetValue(seed), result.GetRequiredValue(steps),
            result.GetRequiredValue(startLr), result.GetRequiredValue(endLr), result.GetRequiredValue(coldStart), result.GetValue(total),
            result.GetRequiredValue(output), result.GetRequiredValue(device), result.GetValue(force), result.GetValue(validate)),
                result.InvocationConfiguration.Output));
        return command;
    }

    private static string F(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Option<string> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', values) };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
