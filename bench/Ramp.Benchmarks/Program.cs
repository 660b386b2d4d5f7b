using BenchmarkDotNet.Running;

namespace Ramp.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Ramp.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point: <c>paired-training [rounds] [batch] [cnn] [parts]</c> runs <see cref="PairedTrainingOverhead"/>, <c>step-costs [repetitions]</c> runs <see cref="StepCostProfile"/>; other arguments go to BenchmarkDotNet's switcher.</summary>
    public static void Main(string[] args)
    {
        if (args is ["paired-training", ..])
        {
            var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
            var batch = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 256;
            PairedTrainingOverhead.Run(rounds, batch, args.Skip(3).Contains("parts"), Console.Out, args.Skip(3).Contains("cnn") ? "cnn" : "mlp");
            return;
        }
        if (args is ["step-costs", ..])
        {
            StepCostProfile.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400, Console.Out);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
