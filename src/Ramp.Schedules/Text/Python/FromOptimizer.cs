namespace Ramp.Schedules.Text.Python;

/// <summary>
/// A record parameter the peer reads from the optimizer rather than from the call (transformers' <c>lr_init</c>):
/// a call leaves it at its default, and printing leaves it out.
/// </summary>
internal sealed class FromOptimizer : IPyConverter
{
    /// <inheritdoc />
    public object? Read(PyArgs args, string name, object? fallback) => fallback;

    /// <inheritdoc />
    public IEnumerable<(string Name, string Text)> Print(string name, object? value, object? fallback) => [];
}
