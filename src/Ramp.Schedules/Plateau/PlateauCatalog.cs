using Ramp.Schedules.Compat.Torch;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Plateau;

/// <summary>
/// The reduce-on-plateau schedulers a Python call can name: PyTorch's <c>ReduceLROnPlateau</c> (what the bare name
/// means), transformers' <c>get_reduce_on_plateau_schedule</c>, timm's <c>PlateauLRScheduler</c>, Keras'
/// <c>keras.callbacks.ReduceLROnPlateau</c> and optax's <c>contrib.reduce_on_plateau</c>.
/// </summary>
public static class PlateauCatalog
{
    private static readonly string[] TorchParameters =
        ["mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps"];

    /// <summary>Every entry; PyTorch's first, so that the bare name <c>ReduceLROnPlateau</c> means PyTorch's.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        Entry("torch", "ReduceLROnPlateau", [TorchCatalog.Module], TorchParameters, Torch),
        Entry("hf", "get_reduce_on_plateau_schedule", ["transformers", "transformers.optimization"], TorchParameters, Torch),
        Entry("timm", "PlateauLRScheduler", ["timm.scheduler", "timm.scheduler.plateau_lr"],
            ["decay_rate", "patience_t", "verbose", "threshold", "cooldown_t", "warmup_t", "warmup_lr_init", "lr_min", "mode",
             "noise_range_t", "noise_type", "noise_pct", "noise_std", "noise_seed", "initialize"], Timm),
        Entry("keras", "ReduceLROnPlateau", ["keras.callbacks", "tf.keras.callbacks", "tensorflow.keras.callbacks"],
            ["monitor", "factor", "patience", "verbose", "mode", "min_delta", "cooldown", "min_lr"], Keras),
        Entry("optax", "reduce_on_plateau", ["optax.contrib"],
            ["factor", "patience", "rtol", "atol", "cooldown", "accumulation_size", "min_scale"],
            a => new OptaxReduceOnPlateau(a.Double("factor", 0.1), a.Int("patience", 10), a.Double("rtol", 1e-4), a.Double("atol", 0.0),
                a.Int("cooldown", 0), a.Int("accumulation_size", 1), a.Double("min_scale", 0.0))),
    ];

    private static ReduceLROnPlateau Torch(PyArgs a) => new(
        a.Str("mode", "min", "min", "max") == "min" ? PlateauMode.Min : PlateauMode.Max,
        a.Double("factor", 0.1), a.Int("patience", 10), a.Double("threshold", 1e-4),
        a.Str("threshold_mode", "rel", "rel", "abs") == "rel" ? ThresholdMode.Rel : ThresholdMode.Abs,
        a.Int("cooldown", 0), a.DoubleOrList("min_lr", 0.0), a.Double("eps", 1e-8));

    private static PlateauLRScheduler Timm(PyArgs a)
    {
        var plateau = new ReduceLROnPlateau(
            a.Str("mode", "max", "min", "max") == "min" ? PlateauMode.Min : PlateauMode.Max,
            a.Double("decay_rate", 0.1), a.Int("patience_t", 10), a.Double("threshold", 1e-4), ThresholdMode.Rel,
            a.Int("cooldown_t", 0), a.DoubleOrList("lr_min", 0.0));
        a.Bool("initialize", true);
        a.Double("noise_std", 1.0);
        TimmNoise? noise = null;
        if (a.Raw("noise_range_t") is { } range and not PyNone)
        {
            var (from, until) = range switch
            {
                PyList { Items.Count: 2 } pair when pair.Items.All(i => i is PyNumber) =>
                    ((long)((PyNumber)pair.Items[0]).Value, (long?)(long)((PyNumber)pair.Items[1]).Value),
                PyNumber n => ((long)n.Value, (long?)null),
                _ => throw a.Error("noise_range_t", $"noise_range_t must be an epoch or a pair [start, end) but got {range.Kind}"),
            };
            noise = new TimmNoise(from, until, a.Str("noise_type", "normal", "normal", "uniform") == "normal",
                a.Double("noise_pct", 0.67), a.IntOrNone("noise_seed") ?? 42);
        }
        return new PlateauLRScheduler(plateau, a.Int("warmup_t", 0), a.Double("warmup_lr_init", 0.0), noise);
    }

    private static KerasReduceLROnPlateau Keras(PyArgs a)
    {
        var monitor = a.Str("monitor", "val_loss");
        var mode = a.Str("mode", "auto", "auto", "min", "max") switch
        {
            "min" => PlateauMode.Min,
            "max" => PlateauMode.Max,
            _ => monitor.Contains("acc", StringComparison.Ordinal) ? PlateauMode.Max : PlateauMode.Min,
        };
        return new KerasReduceLROnPlateau(mode, a.Double("factor", 0.1), a.Int("patience", 10), a.Double("min_delta", 1e-4),
            a.Int("cooldown", 0), a.Double("min_lr", 0.0));
    }

    private static PeerEntry Entry(string peer, string name, string[] modules, string[] parameters, Func<PyArgs, ScheduleSpec> make) =>
        new(peer, name, modules, call =>
        {
            var args = PyArgs.Bind(call, parameters);
            try
            {
                return make(args);
            }
            catch (ArgumentException error)
            {
                throw args.Invalid(error);
            }
        });
}
