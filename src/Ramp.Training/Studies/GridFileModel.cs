using Ramp.Training.Models;
using Ramp.Training.Optimizers;
using System.Text.Json;

namespace Ramp.Training.Studies;

/// <summary>Reads the <c>model</c>, <c>optimizer</c> and arm objects of a grid file.</summary>
internal static class GridFileModel
{
    public static ModelSettings Model(JsonReading json, JsonElement m, string at)
    {
        json.Fields(m, at, ["kind", "hidden", "depth", "width", "init_scale", "layers", "dim", "heads", "context", "pre_ln"]);
        var kind = json.Choice(m, at, "kind", ModelFactory.Names, null);
        var d = new ModelSettings(kind);
        int Int(string name, int fallback)
        {
            var v = json.OptionalLong(m, at, name) ?? fallback;
            return v is >= 1 and <= 1_000_000 ? (int)v : throw new GridFileException(json.File, $"{at}.{name}",
                $"must be in [1, 1000000] but was {v}");
        }
        var hidden = m.TryGetProperty("hidden", out var h)
            ? json.Array(h, $"{at}.hidden").Select((x, i) => (int)json.Positive(x, $"{at}.hidden[{i}]")).ToArray()
            : null;
        return d with
        {
            Hidden = hidden,
            Depth = Int("depth", d.Depth),
            Width = Int("width", d.Width),
            InitScale = m.TryGetProperty("init_scale", out var s) ? json.Positive(s, $"{at}.init_scale") : d.InitScale,
            Layers = Int("layers", d.Layers),
            Dim = Int("dim", d.Dim),
            Heads = Int("heads", d.Heads),
            Context = Int("context", d.Context),
            PreLn = m.TryGetProperty("pre_ln", out var p) ? json.Bool(p, $"{at}.pre_ln") : d.PreLn,
        };
    }

    public static OptimizerSettings Optimizer(JsonReading json, JsonElement o, string at)
    {
        json.Fields(o, at, ["name", "momentum", "beta1", "beta2", "eps", "weight_decay", "gi"]);
        var d = new OptimizerSettings(json.Choice(o, at, "name", OptimizerSettings.Names, null));
        double In(string name, double fallback, double low, double high)
        {
            var v = json.OptionalDouble(o, at, name) ?? fallback;
            return v >= low && v < high ? v : throw new GridFileException(json.File, $"{at}.{name}",
                $"must be in [{low}, {high}) but was {v}");
        }
        var result = d with
        {
            Momentum = In("momentum", d.Momentum, 0, 1),
            Beta1 = In("beta1", d.Beta1, 0, 1),
            Beta2 = In("beta2", d.Beta2, 0, 1),
            Eps = In("eps", d.Eps, 0, double.PositiveInfinity),
            WeightDecay = In("weight_decay", d.WeightDecay, 0, double.PositiveInfinity),
            GradientInit = o.TryGetProperty("gi", out var gi) && json.Bool(gi, $"{at}.gi"),
        };
        if (result.Momentum != 0 && !result.TakesMomentum)
            throw new GridFileException(json.File, $"{at}.momentum",
                $"only sgd, schedule-free-sgd and rmsprop take momentum, not {result.Name}");
        if (result.GradientInit && !OptimizerFactory.GradientInitNames.Contains(result.Name))
            throw new GridFileException(json.File, $"{at}.gi", $"gi (GI-Adam) applies to adam and adamw, not {result.Name}");
        return result;
    }

    public static StudyArm Arm(JsonReading json, JsonElement a, string at)
    {
        json.Fields(a, at, ["name", "schedule", "optimizer", "gi", "lr_scale", "guards", "optional"]);
        var optimizer = a.TryGetProperty("optimizer", out _) ? json.Choice(a, at, "optimizer", OptimizerSettings.Names, null) : null;
        var guards = a.TryGetProperty("guards", out var g)
            ? json.Array(g, $"{at}.guards").Select((x, i) =>
            {
                var name = json.Text(x, $"{at}.guards[{i}]");
                return StudyArm.GuardNames.Contains(name) ? name
                    : throw new GridFileException(json.File, $"{at}.guards[{i}]",
                        $"unknown guard '{name}' (use {string.Join(", ", StudyArm.GuardNames)})");
            }).ToArray()
            : null;
        return new StudyArm(json.Text(json.Required(a, at, "name"), $"{at}.name"), json.Text(json.Required(a, at, "schedule"),
            $"{at}.schedule"),
            optimizer, guards, a.TryGetProperty("optional", out var o) && json.Bool(o, $"{at}.optional"),
            a.TryGetProperty("gi", out var gi) && json.Bool(gi, $"{at}.gi"),
            a.TryGetProperty("lr_scale", out var scale) ? json.Positive(scale, $"{at}.lr_scale") : 1);
    }
}
