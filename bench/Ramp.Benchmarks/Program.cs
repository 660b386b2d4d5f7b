using BenchmarkDotNet.Running;

namespace Ramp.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Ramp.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point: <c>paired-training [rounds] [batch] [cnn] [parts]</c> runs <see cref="PairedTrainingOverhead"/>, <c>paired-optimizers [rounds]</c> runs <see cref="PairedOptimizerSteps"/>, <c>step-costs [repetitions]</c> runs <see cref="StepCostProfile"/>; other arguments go to BenchmarkDotNet's switcher.</summary>
    public static int Main(string[] args)
    {
        try
        {
            if (args is ["paired-training", ..])
            {
                var flags = args.Skip(3).ToArray();
                if (flags.Except(["cnn", "parts"]).FirstOrDefault() is { } unknown)
                    throw new FormatException($"paired-training: unknown option '{unknown}' (expected cnn and/or parts)");
                PairedTrainingOverhead.Run(Count(args, 1, "rounds", 40), Count(args, 2, "batch", 256), flags.Contains("parts"), Console.Out,
                    flags.Contains("cnn") ? "cnn" : "mlp");
                return 0;
            }
            if (args is ["paired-optimizers", ..])
            {
                PairedOptimizerSteps.Run(Count(args, 1, "rounds", 20), Console.Out);
                return 0;
            }
            if (args is ["step-costs", ..])
            {
                StepCostProfile.Run(Count(args, 1, "repetitions", 400), Console.Out);
                return 0;
            }
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: paired-training [rounds] [batch] [cnn] [parts] | paired-optimizers [rounds] | step-costs [repetitions] | BenchmarkDotNet options");
            return 2;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int Count(string[] args, int index, string name, int fallback)
    {
        if (args.Length <= index) return fallback;
        return int.TryParse(args[index], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{args[0]}: {name} must be a positive whole number but was '{args[index]}'");
    }
}
