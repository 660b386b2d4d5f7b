using System.CommandLine;
using Ramp.Cli.Cli;
using Ramp.Reports.Demo;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp demo quadratic --out DIR</c>: gradient descent on quadratics around the stability limit 2/L, with and
/// without warmup; writes PNG/SVG charts and an HTML page to DIR and prints where.
/// </summary>
public static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "The directory to write the charts and index.html into (created when missing).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "ramp-demo-quadratic",
        };
        var force = new Option<bool>("--force") { Description = "Replace a demo already written in the directory." };
        var quadratic = new Command("quadratic", "Gradient descent on x² and on an ill-conditioned 2-D quadratic near the stability " +
            "limit 2/L, with and without warmup.")
        {
            output, force,
        };
        quadratic.WithExamples(new CommandExample("ramp demo quadratic --out demo",
            "Write demo/index.html and the charts as PNG and SVG."));
        quadratic.SetAction(result => Run(result.GetRequiredValue(output), result.GetValue(force), result.InvocationConfiguration.Output));
        var demo = new Command("demo", "Small demonstrations that need no training data.") { quadratic };
        demo.WithExamples(new CommandExample("ramp demo quadratic --out demo", "Loss curves of gradient descent on quadratics."));
        return demo;
    }

    /// <summary>Writes the demo into <paramref name="outDir"/> and prints the files.</summary>
    internal static int Run(string outDir, bool force, TextWriter stdout)
    {
        PathChecks.OutputFolder("--out", outDir);
        if (!force && File.Exists(Path.Combine(outDir, "index.html")))
            throw new UsageException($"--out {outDir}: already holds a demo (index.html); add --force to replace it or choose " +
                "another folder");
        var files = QuadraticDemo.Write(outDir);
        stdout.WriteLine($"wrote {Path.GetFullPath(files[0])}");
        foreach (var f in files.Skip(1)) stdout.WriteLine($"  {f}");
        return ExitCodes.Success;
    }
}
