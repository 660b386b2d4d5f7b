using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Text.Python;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// CyclicLR's <c>mode</c>, read together with the arguments that would change it: a custom <c>scale_fn</c> is
/// refused (a Python function has no closed form here) and <c>scale_mode</c> must be one PyTorch accepts.
/// </summary>
internal sealed class CyclicLRMode : IPyConverter
{
    /// <inheritdoc />
    public object? Read(PyArgs args, string name, object? fallback)
    {
        if (args.Raw("scale_fn") is { } fn and not PyNone)
        {
            throw new SpecException(fn.Position,
                "CyclicLR: a custom scale_fn is not supported; use mode='triangular', 'triangular2' or 'exp_range'");
        }
        args.Str("scale_mode", "cycle", "cycle", "iterations");
        return args.Has(name) ? PeerBinder.Value(args, name, typeof(CyclicMode)) : fallback;
    }

    /// <inheritdoc />
    public IEnumerable<(string Name, string Text)> Print(string name, object? value, object? fallback) =>
        Equals(value, fallback) ? [] : [(name, PeerBinder.Text(value))];
}
