using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Plateau;

/// <summary>
/// Keras' <c>mode</c> of <c>ReduceLROnPlateau</c>: 'min', 'max', or 'auto' (the default), which Keras resolves from
/// <c>monitor</c>: 'max' when the monitored name contains "acc", else 'min'.
/// </summary>
internal sealed class KerasPlateauMode : IPyConverter
{
    /// <inheritdoc />
    public object? Read(PyArgs args, string name, object? fallback)
    {
        var monitor = args.Str("monitor", "val_loss");
        return args.Str(name, "auto", "auto", "min", "max") switch
        {
            "min" => PlateauMode.Min,
            "max" => PlateauMode.Max,
            _ => monitor.Contains("acc", StringComparison.Ordinal) ? PlateauMode.Max : PlateauMode.Min,
        };
    }

    /// <inheritdoc />
    public IEnumerable<(string Name, string Text)> Print(string name, object? value, object? fallback) =>
        [(name, PeerBinder.Text(value))];
}
