using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers' <c>num_warmup_steps</c>: an integer, or (transformers 5's <c>warmup_steps</c> ratio) a float in
/// [0, 1) wherever <c>num_training_steps</c> is known, meaning W = ceil(ratio·T).
/// </summary>
internal sealed class HfWarmupSteps : IPyConverter
{
    /// <inheritdoc />
    public object? Read(PyArgs args, string name, object? fallback)
    {
        if (args.Raw(name) is PyNumber { IsInteger: false, Value: >= 0 and < 1 } ratio)
        {
            var total = args.IntOrNone("num_training_steps")
                ?? throw args.Error(name,
                    $"{name}={ratio.Value} is a warmup ratio, which needs num_training_steps; give a number of steps");
            return (long)Math.Ceiling(ratio.Value * total);
        }
        return args.Int(name);
    }

    /// <inheritdoc />
    public IEnumerable<(string Name, string Text)> Print(string name, object? value, object? fallback) =>
        [(name, PeerBinder.Text(value))];
}
