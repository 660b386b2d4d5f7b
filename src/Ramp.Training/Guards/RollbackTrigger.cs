namespace Ramp.Training.Guards;

/// <summary>
/// Decides when to roll back: at a non-finite loss or gradient norm, or when <c>SkipsToRollBack</c> updates were
/// skipped within the last <c>SkipWindow</c> steps.
/// </summary>
public sealed class RollbackTrigger
{
    private readonly RollbackOptions _options;
    private readonly Queue<long> _skips = new();

    /// <summary>A trigger with the given options.</summary>
    public RollbackTrigger(RollbackOptions options) => _options = options.Validated();

    /// <summary>Returns the reason to roll back after <paramref name="step"/>, or null to carry on.</summary>
    public string? Decide(long step, bool nonFinite, bool skipped)
    {
        if (nonFinite) return "the loss or a gradient was not finite";
        if (!skipped) return null;
        _skips.Enqueue(step);
        while (_skips.Count > 0 && _skips.Peek() <= step - _options.SkipWindow) _skips.Dequeue();
        return _skips.Count >= _options.SkipsToRollBack
            ? $"{_skips.Count} updates were skipped within {_options.SkipWindow} steps"
            : null;
    }

    /// <summary>Forgets the skips counted so far (after a roll-back).</summary>
    public void Reset() => _skips.Clear();
}
