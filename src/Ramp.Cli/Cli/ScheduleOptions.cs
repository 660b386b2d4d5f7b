using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Ramp.Cli.Cli;

/// <summary>
/// Options shared by the commands that evaluate schedules (<c>lr</c>, <c>plot</c>, and later ones): each call
/// creates a fresh option, since System.CommandLine options belong to one command.
/// </summary>
public static class ScheduleOptions
{
    /// <summary>The largest <c>--steps</c> accepted (a table row per step must fit in memory).</summary>
    public const long MaxSteps = 100_000_000;

    /// <summary><c>--steps N</c>: how many optimizer steps to evaluate (rows 0..N-1), required, 1 to <see cref="MaxSteps"/>.</summary>
    public static Option<long> Steps() => new("--steps", "-n")
    {
        Description = "Number of optimizer steps to evaluate: steps 0..N-1.",
        Required = true,
        HelpName = "N",
        CustomParser = result => ParseSteps(result),
    };

    /// <summary>
    /// <c>--base-lr A[,B,...]</c>: the learning rate of each parameter group before scheduling; one number per
    /// group, default 1.0 (one group), which prints a native schedule's factors and optax's absolute values.
    /// </summary>
    public static Option<double[]> BaseLrs() => new("--base-lr")
    {
        Description = "Base learning rate of each parameter group, comma-separated (default 1.0, one group).",
        HelpName = "A[,B,...]",
        DefaultValueFactory = _ => [1.0],
        CustomParser = result => ParseBaseLrs(result),
    };

    private static long ParseSteps(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var steps))
        {
            result.AddError($"--steps: '{text}' is not a whole number");
            return 0;
        }
        if (steps < 1 || steps > MaxSteps)
        {
            result.AddError($"--steps: must be in [1, {MaxSteps}] but was {steps}");
            return 0;
        }
        return steps;
    }

    private static double[] ParseBaseLrs(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) ||
                !double.IsFinite(values[i]))
            {
                result.AddError($"--base-lr: item {i + 1} '{parts[i]}' of '{text}' is not a finite number");
                return [];
            }
        }
        return values;
    }
}
