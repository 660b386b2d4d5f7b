using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>Reads the PyTorch arguments that need more than one <see cref="PyArgs"/> accessor.</summary>
internal static class TorchArgs
{
    /// <summary>A list of nested scheduler calls, each a PyTorch scheduler.</summary>
    public static EquatableArray<TorchScheduleSpec> Schedulers(PyArgs args, string name)
    {
        var items = args.List(name);
        return items.Select(item => item is PyCall
                ? PythonSpecBuilder.Build(item) as TorchScheduleSpec
                    ?? throw new SpecException(item.Position, $"{args.Call.ShortName}: {name} must hold PyTorch schedulers but holds a call of {((PyCall)item).Name}")
                : throw new SpecException(item.Position, $"{args.Call.ShortName}: {name} must hold scheduler calls but holds {item.Kind}"))
            .ToArray();
    }

    /// <summary><c>anneal_strategy</c>: 'cos' or 'linear'.</summary>
    public static AnnealStrategy Anneal(PyArgs args) =>
        args.Str("anneal_strategy", "cos", "cos", "linear") == "cos" ? AnnealStrategy.Cos : AnnealStrategy.Linear;

    /// <summary>CyclicLR from PyTorch's arguments.</summary>
    public static ScheduleSpec Cyclic(PyArgs args)
    {
        if (args.Raw("scale_fn") is { } fn and not PyNone)
        {
            throw new SpecException(fn.Position, "CyclicLR: a custom scale_fn is not supported; use mode='triangular', 'triangular2' or 'exp_range'");
        }
        args.Str("scale_mode", "cycle", "cycle", "iterations");
        var mode = args.Str("mode", "triangular", "triangular", "triangular2", "exp_range") switch
        {
            "triangular" => CyclicMode.Triangular,
            "triangular2" => CyclicMode.Triangular2,
            _ => CyclicMode.ExpRange,
        };
        return new CyclicLR(args.DoubleOrList("base_lr"), args.DoubleOrList("max_lr"), args.Double("step_size_up", 2000),
            args.DoubleOrNone("step_size_down"), mode, args.Double("gamma", 1.0), args.Bool("cycle_momentum", true),
            args.DoubleOrList("base_momentum", 0.8), args.DoubleOrList("max_momentum", 0.9));
    }

    /// <summary>OneCycleLR from PyTorch's arguments: <c>total_steps</c>, or <c>epochs * steps_per_epoch</c>.</summary>
    public static ScheduleSpec OneCycle(PyArgs args)
    {
        var total = args.IntOrNone("total_steps");
        if (total is null)
        {
            var epochs = args.IntOrNone("epochs");
            var perEpoch = args.IntOrNone("steps_per_epoch");
            if (epochs is null || perEpoch is null)
            {
                throw args.Error("total_steps", "you must define either total_steps OR (epochs AND steps_per_epoch)");
            }
            if (epochs <= 0) throw args.Error("epochs", $"epochs must be positive but was {epochs}");
            if (perEpoch <= 0) throw args.Error("steps_per_epoch", $"steps_per_epoch must be positive but was {perEpoch}");
            total = epochs * perEpoch;
        }
        return new OneCycleLR(args.DoubleOrList("max_lr"), total.Value, args.Double("pct_start", 0.3), Anneal(args),
            args.Bool("cycle_momentum", true), args.DoubleOrList("base_momentum", 0.85), args.DoubleOrList("max_momentum", 0.95),
            args.Double("div_factor", 25.0), args.Double("final_div_factor", 1e4), args.Bool("three_phase", false));
    }
}
