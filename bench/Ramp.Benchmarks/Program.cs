using BenchmarkDotNet.Running;

namespace Ramp.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Ramp.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point: <c>paired-training [rounds]</c> runs <see cref="PairedTrainingOverhead"/>; other arguments go to BenchmarkDotNet's switcher.</summary>
    public static void Main(string[] args)
    {
        if (args is ["paired-training", ..])
        {
            PairedTrainingOverhead.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40, Console.Out);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
