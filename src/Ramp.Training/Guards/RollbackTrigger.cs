using System.Globalization;
using System.Text.Json;
using Ramp.Training.Binding;

namespace Ramp.Training.Guards;

/// <summary>
/// The roll-back guard: asks for a roll-back at a non-finite loss or gradient norm, or when <c>SkipsToRollBack</c>
/// updates were skipped within the last <c>SkipWindow</c> steps, and says stop once <c>MaxRollbacks</c> are used up.
/// The loop carries a roll-back out (it rewinds to the last checkpoint) and then calls <see cref="RolledBack"/> for
/// the lowered, re-warming learning rates. Its <see cref="RollbackState"/> is checkpointed and survives roll-backs.
/// </summary>
public sealed class RollbackTrigger : IGuard
{
    private readonly RollbackOptions _options;
    private readonly Queue<long> _skips = new();
    private readonly GuardDecision _none;

    /// <summary>A trigger with the given options.</summary>
    public RollbackTrigger(RollbackOptions options)
    {
        _options = options.Validated();
        _none = GuardDecision.None(Name);
    }

    /// <summary>What the roll-backs so far have done to the learning rates.</summary>
    public RollbackState State { get; private set; } = new();

    /// <summary>Steps between the checkpoints a roll-back returns to.</summary>
    public int CheckpointEvery => _options.CheckpointEvery;

    /// <inheritdoc />
    public string Name => "rollback";

    /// <inheritdoc />
    public bool OnHost => true;

    /// <inheritdoc />
    public bool NeedsGlobalNorm => true;

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

    /// <inheritdoc />
    public GuardDecision Decide(GuardStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (Decide(step.Step, step.NonFinite, step.Skipped) is not { } reason) return _none;
        return State.Rollbacks >= _options.MaxRollbacks
            ? new(Name, GuardAction.Stop, $"no roll-back left after {State.Rollbacks} ({reason}); the run has diverged", double.NaN)
            : new(Name, GuardAction.RollBack, reason, double.NaN);
    }

    /// <summary>
    /// Records a roll-back to the checkpoint whose binder had taken <paramref name="appliedSteps"/> updates and returns
    /// the learning-rate overlay from there on (the peak times <c>LrFactor</c>, re-warmed over <c>RewarmSteps</c> updates).
    /// </summary>
    public LrOverlay RolledBack(long appliedSteps)
    {
        // The overlay counts applied steps, so a re-warm-up lasts RewarmSteps updates however many are skipped.
        State = State.After(appliedSteps, _options);
        _skips.Clear();
        return new LrOverlay(State.LrScale, State.RewarmFrom, State.RewarmSteps);
    }

    /// <summary>The two events of a roll-back from <paramref name="failedStep"/> to the checkpoint at <paramref name="toStep"/>.</summary>
    public GuardDecision[] Explain(long failedStep, long toStep, string reason) =>
    [
        new(Name, GuardAction.RollBack, string.Create(CultureInfo.InvariantCulture,
            $"rolled back from step {failedStep} to the checkpoint at step {toStep} because {reason}; learning rates now " +
                $"x{State.LrScale:G4}; batches up to {failedStep} are not replayed"), toStep),
        new("rewarm", GuardAction.RollBack, $"re-warming linearly over {_options.RewarmSteps} steps from step {toStep}",
            _options.RewarmSteps),
    ];

    /// <inheritdoc />
    public GuardDecision Explain(long step, double value, double gradNorm) =>
        throw new NotSupportedException("rollback decides on the host");

    /// <inheritdoc />
    public JsonElement? SaveState() => GuardChain.Save(State);

    /// <inheritdoc />
    public void RestoreState(JsonElement? state, bool rollingBack)
    {
        _skips.Clear();
        if (!rollingBack) State = state is { } s ? GuardChain.Load<RollbackState>(s) : new RollbackState();
    }
}
