using Ramp.Schedules.Compat.Torch;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Plateau;

/// <summary>
/// timm <c>PlateauLRScheduler</c>'s plateau keywords (<c>decay_rate</c>, <c>patience_t</c>, <c>threshold</c>,
/// <c>cooldown_t</c>, <c>lr_min</c>, <c>mode</c>) read as the PyTorch <see cref="ReduceLROnPlateau"/> timm wraps
/// (relative threshold; timm's mode defaults to 'max').
/// </summary>
internal sealed class TimmPlateauArguments : IPyConverter
{
    private static readonly ReduceLROnPlateau Defaults = new(PlateauMode.Max);

    /// <inheritdoc />
    public object? Read(PyArgs args, string name, object? fallback)
    {
        var mode = args.Has("mode") ? (PlateauMode)PeerBinder.Value(args, "mode", typeof(PlateauMode))! : Defaults.Mode;
        var factor = args.Double("decay_rate", Defaults.Factor);
        var patience = args.Int("patience_t", Defaults.Patience);
        var threshold = args.Double("threshold", Defaults.Threshold);
        var cooldown = args.Int("cooldown_t", Defaults.Cooldown);
        var minLr = args.Has("lr_min") ? new EquatableArray<double>(args.DoubleOrList("lr_min")) : (EquatableArray<double>?)null;
        return args.Construct(() => new ReduceLROnPlateau(mode, factor, patience, threshold, ThresholdMode.Rel, cooldown, minLr));
    }

    /// <inheritdoc />
    public IEnumerable<(string Name, string Text)> Print(string name, object? value, object? fallback)
    {
        var plateau = (ReduceLROnPlateau)value!;
        if (plateau.Factor != Defaults.Factor) yield return ("decay_rate", PeerBinder.Number(plateau.Factor));
        if (plateau.Patience != Defaults.Patience) yield return ("patience_t", PeerBinder.Text(plateau.Patience));
        if (plateau.Threshold != Defaults.Threshold) yield return ("threshold", PeerBinder.Number(plateau.Threshold));
        if (plateau.Cooldown != Defaults.Cooldown) yield return ("cooldown_t", PeerBinder.Text(plateau.Cooldown));
        if (plateau.MinLr is { } minLr) yield return ("lr_min", PeerBinder.Text(minLr));
        if (plateau.Mode != Defaults.Mode) yield return ("mode", PeerBinder.Text(plateau.Mode));
    }
}
