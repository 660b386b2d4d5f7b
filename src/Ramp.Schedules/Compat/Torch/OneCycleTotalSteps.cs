using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>OneCycleLR's cycle length: <c>total_steps</c>, or else <c>epochs * steps_per_epoch</c>, as PyTorch reads it.</summary>
internal sealed class OneCycleTotalSteps : IPyConverter
{
    /// <inheritdoc />
    public object? Read(PyArgs args, string name, object? fallback)
    {
        if (args.IntOrNone(name) is { } total) return total;
        var epochs = args.IntOrNone("epochs");
        var perEpoch = args.IntOrNone("steps_per_epoch");
        if (epochs is null || perEpoch is null)
        {
            throw args.Error(name, "you must define either total_steps OR (epochs AND steps_per_epoch)");
        }
        if (epochs <= 0) throw args.Error("epochs", $"epochs must be positive but was {epochs}");
        if (perEpoch <= 0) throw args.Error("steps_per_epoch", $"steps_per_epoch must be positive but was {perEpoch}");
        return epochs.Value * perEpoch.Value;
    }

    /// <inheritdoc />
    public IEnumerable<(string Name, string Text)> Print(string name, object? value, object? fallback) =>
        [(name, PeerBinder.Text(value))];
}
