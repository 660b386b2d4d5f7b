namespace Ramp.Cli.Tests.Faults;

/// <summary>The fuzz pass runs alone: it trains in-process, and TorchSharp is not safe for two trainings at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "serial";
}

/// <summary>
/// Every command's options set, one at a time, to random and boundary values on top of a small valid command
/// (seeded, a bounded number of cases): <c>ramp</c> may accept or refuse, but only with exit code 0 or 2, and never
/// prints a stack trace or an internal error. In-process (<see cref="Program.Run"/>), so hundreds of cases fit in about
/// a minute; lengths are kept small where a valid value would start a long training.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class OptionFuzzTests : IDisposable
{
    private const int Cases = 160;
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static readonly string[] Numbers =
        ["0", "-1", "1", "2", "0.5", "-0", "1e308", "-1e308", "1e-320", "nan", "NaN", "inf", "-Infinity", "2147483648", "-2147483649",
         "9223372036854775808", "1,2", "1-3", "0x10", "", " ", "abc", "１", "3/4", "1/0", "0/0", "1e400"];

    private static readonly string[] Texts =
        ["", " ", "x", "constant()", "cosine(", "warmup(100) >> cosine(900)", "torch.optim.lr_scheduler.StepLR(step_size=0)",
         "optax.cosine_decay_schedule(init_value=1, decay_steps=-5)", "auto(", "\u0000", "ünïcödé", new string('(', 300), "a,b", "--lr"];

    private string[] Paths() =>
        // Never a folder whose writing would matter ("/", the test's own folder): a valid one gets written into.
        ["", " ", "/proc", "/proc/x/y", "/dev/null", "/dev/null/x", Path.Combine(_root, "new", "deep", "x"),
         Path.Combine(_root, "f.txt"), Path.Combine(_root, "f.txt", "under"), "a\u0000b", Path.Combine(_root, new string('d', 300)),
         Path.Combine(_root, "x.png"), Path.Combine(_root, "x.svg"), Path.Combine(_root, "x.jpg")];

    /// <summary>
    /// The small valid commands and their options with the kind of value each takes. The options are read from the
    /// commands themselves, so one added later is fuzzed too.
    /// </summary>
    private (string[] Base, (string Option, string Kind)[] Options)[] Commands(string grid, string run) =>
    [
        Of(["lr", "cosine(100)", "--steps", "50"], ("SPEC", "text")),
        Of(["plot", "cosine(100)", "--steps", "50", "-o", Path.Combine(Fresh(), "c.png")], ("SPEC", "text")),
        Of(["train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "2", "--batch", "8", "--read-back-every", "1", "--out", Fresh()]),
        Of(["compare", "--grid-file", grid, "--out", Fresh(), "--jobs", "1"]),
        Of(["find-lr", "--model", "mlp", "--data", "fashion-mnist", "--steps", "3", "--cold-start-steps", "0", "--batch", "8", "--out", Fresh()]),
        Of(["report", run, "--out", Fresh()], ("DIR", "path")),
        Of(["demo", "quadratic", "--out", Fresh()]),
    ];

    private static (string[] Base, (string Option, string Kind)[] Options) Of(string[] args, params (string Option, string Kind)[] positional)
    {
        var command = Program.Commands.Select(create => create()).Single(c => c.Name == args[0]);
        if (command.Subcommands.FirstOrDefault(c => c.Name == args[1]) is { } sub) command = sub;
        var options = command.Options.Where(o => !o.Hidden && o.Name is not ("--help" or "--version"))
            .Select(o => (o.Aliases.FirstOrDefault(args.Contains) ?? o.Name, Kind(o)));
        return (args, [.. positional, .. options]);
    }

    // Lengths that would start a long run get small values only ("short", "tiny").
    private static string Kind(System.CommandLine.Option option) => option.Name switch
    {
        "--jobs" or "--seeds" or "--cold-start-steps" => "tiny",
        "--epochs" => "short",
        "--out" or "--data-dir" or "--grid-file" or "--output" or "-o" or "--metrics" => "path",
        _ when option.ValueType == typeof(bool) => "flag",
        _ when option.ValueType == typeof(int) || option.ValueType == typeof(long) || option.ValueType == typeof(int?) || option.ValueType == typeof(long?) => "short",
        _ when option.ValueType == typeof(double) || option.ValueType == typeof(double?) => "number",
        _ => "text",
    };

    private string Fresh() => Path.Combine(_root, Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Random_and_boundary_option_values_exit_0_or_2_without_a_stack_trace()
    {
        File.WriteAllText(Path.Combine(_root, "f.txt"), "a file");
        var grid = Path.Combine(_root, "grid.json");
        File.WriteAllText(grid, """
            { "case_study": "fuzz", "data": "fashion-mnist", "model": { "kind": "mlp", "hidden": [4] }, "optimizer": { "name": "sgd" },
              "batch": 8, "steps": 3, "peaks": [0.05], "seeds": [1], "arms": [ { "name": "none", "schedule": "constant()" } ] }
            """);
        var cmp = Path.Combine(_root, "cmp");
        var made = CliRun.Of("compare", "--grid-file", grid, "--out", cmp, "--jobs", "1");
        Assert.True(made.Code == 0, made.Out + made.Err);

        var random = new Random(90210);
        var failures = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var commands = Commands(grid, cmp);
            var (args, options) = commands[random.Next(commands.Length)];
            var (option, kind) = options[random.Next(options.Length)];
            var value = kind switch
            {
                "flag" => "",
                "path" => Pick(random, Paths()),
                "text" => Pick(random, Texts),
                "short" => Pick(random, Numbers.Where(n => n is not ("1e308" or "2147483648" or "9223372036854775808" or "1e400")).ToArray()),
                "tiny" => Pick(random, ["0", "-1", "1", "abc", "", "1,1", "3-1", "nan"]),
                _ => Pick(random, Numbers),
            };
            var typed = Mutate(args, option, kind == "flag" ? null : value);
            var run = CliRun.Of(typed);
            if (run.Code is not (0 or 2) || run.Err.Contains("internal error", StringComparison.Ordinal) || run.Err.Contains("   at ", StringComparison.Ordinal))
                failures.Add($"exit {run.Code}: ramp {string.Join(' ', typed.Select(a => $"'{a}'"))}: {run.Err.Split('\n')[0]}");
            if (run.Code == 2) Assert.Single(run.ErrLines);
            // Messages are made right where the check is: .NET's " (Parameter '...')" suffix never reaches the user.
            if (run.Err.Contains("(Parameter '", StringComparison.Ordinal) || run.Err.Contains("Actual value was", StringComparison.Ordinal))
                failures.Add($"a .NET suffix: ramp {string.Join(' ', typed.Select(a => $"'{a}'"))}: {run.Err.Split('\n')[0]}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    // Replaces the option's value (or the positional argument), or adds the option when the base lacks it.
    private static string[] Mutate(string[] args, string option, string? value)
    {
        var list = args.ToList();
        if (option is "SPEC" or "DIR")
        {
            list[1] = value ?? "";
            return [.. list];
        }
        var at = list.IndexOf(option);
        if (value is null) return at >= 0 ? [.. list] : [.. list, option];
        if (at >= 0) list[at + 1] = value;
        else list.AddRange([option, value]);
        return [.. list];
    }
}
