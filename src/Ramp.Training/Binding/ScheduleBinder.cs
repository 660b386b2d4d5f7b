using Ramp.Schedules;
using Ramp.Schedules.Plateau;
using TorchSharp;
using static TorchSharp.torch.optim;

namespace Ramp.Training.Binding;

/// <summary>
/// Writes a <see cref="ScheduleSet"/> into an optimizer's parameter groups: each group's learning rate, and its
/// momentum (SGD, RMSprop: <see cref="IMomentum"/>) or beta1 (Adam family: <see cref="IBetas"/>) where the set
/// schedules momentum. Works with any TorchSharp optimizer, since it only uses the groups' interfaces.
/// </summary>
/// <remarks>
/// Call order: <c>optimizer.step()</c>, then <see cref="Advance"/> (only when the step was applied: gradient
/// accumulation micro-steps and guard-skipped steps do not advance the schedule). Group <c>g</c> then trains with
/// <c>Lr[g].ValueAt(Step - Origin) * plateauFactor[g] * Overlay(Step) * Multiplier</c>, so the (t+1)-th applied step
/// uses <c>ValueAt(t)</c>, the convention of <see cref="Schedule"/>. <see cref="Observe"/> feeds a metric to the
/// plateau rule. The loop's additions (<see cref="SetOverlay"/>: roll-back's lower peak and re-warm-up;
/// <see cref="SetMultiplier"/>: the automatic warmup's factor and where the schedule after it starts) are 1 and 0
/// unless set, and are part of <see cref="State"/>.
/// </remarks>
public sealed class ScheduleBinder
{
    private readonly ILearningRateController[] _groups;

    /// <summary>Binds <paramref name="schedules"/> to <paramref name="optimizer"/>'s groups and writes step-0 values.</summary>
    /// <param name="optimizer">Any TorchSharp optimizer.</param>
    /// <param name="schedules">One learning-rate schedule per group (and optionally momentum, plateau).</param>
    /// <param name="state">A checkpointed state to resume from; null starts at step 0.</param>
    /// <exception cref="ArgumentException">Group counts differ, or momentum is scheduled for a group that has none.</exception>
    public ScheduleBinder(Optimizer optimizer, ScheduleSet schedules, BinderState? state = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedules);
        _groups = optimizer.ParamGroups.ToArray();
        if (_groups.Length != schedules.Groups)
            throw RampArgumentException.For(
                $"schedule has {schedules.Groups} learning-rate group(s) but the optimizer has {_groups.Length}", nameof(schedules));
        if (schedules.Momentum is { } momentum)
        {
            if (momentum.Count != _groups.Length)
                throw RampArgumentException.For(
                    $"schedule has {momentum.Count} momentum group(s) but the optimizer has {_groups.Length}", nameof(schedules));
            for (int g = 0; g < _groups.Length; g++)
                if (_groups[g] is not (IMomentum or IBetas))
                    throw RampArgumentException.For(
                        $"schedule cycles momentum but optimizer group {g} " +
                            $"({_groups[g].GetType().DeclaringType?.Name ?? _groups[g].GetType().Name}) has neither momentum nor betas",
                        nameof(schedules));
        }
        Schedules = schedules;
        BaseLrs = _groups.Select(g => g.InitialLearningRate).ToArray();
        Restore(state ?? new BinderState(0, schedules.Plateau?.Start(BaseLrs)));
    }

    /// <summary>Binds a spec (e.g. parsed from text) to the groups' initial learning rates, then binds the result.</summary>
    public static ScheduleBinder Bind(Optimizer optimizer, ScheduleSpec spec, BinderState? state = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(spec);
        return new ScheduleBinder(optimizer, spec.Bind(optimizer.ParamGroups.Select(g => g.InitialLearningRate).ToArray()), state);
    }

    /// <summary>The schedules being applied.</summary>
    public ScheduleSet Schedules { get; }

    /// <summary>Each group's initial learning rate (TorchSharp's <c>InitialLearningRate</c>) when bound.</summary>
    public IReadOnlyList<double> BaseLrs { get; }

    /// <summary>Applied optimizer steps so far: the step at which the schedules are evaluated now.</summary>
    public long Step { get; private set; }

    /// <summary>The plateau rule's state, or null without a plateau rule.</summary>
    public PlateauState? Plateau { get; private set; }

    /// <summary>The overlay laid over the schedule (<see cref="LrOverlay.None"/> unless set).</summary>
    public LrOverlay Overlay { get; private set; } = LrOverlay.None;

    /// <summary>The outside factor on every group's rate (1 unless set).</summary>
    public double Multiplier { get; private set; } = 1;

    /// <summary>The applied step at which the schedule's step 0 lies (0 unless set).</summary>
    public long Origin { get; private set; }

    /// <summary>The step the schedules are evaluated at: <c>max(0, Step - Origin)</c>.</summary>
    public long ScheduleStep => Math.Max(0, Step - Origin);

    /// <summary>The state to put in a checkpoint.</summary>
    public BinderState State => new(Step, Plateau, Overlay == LrOverlay.None ? null : Overlay, Multiplier, Origin);

    /// <summary>The learning rate of <paramref name="group"/> for the next applied step.</summary>
    public double LrOf(int group) => Schedules.LrAt(group, ScheduleStep, Plateau) * Overlay.MultiplierAt(Step) * Multiplier;

    /// <summary>The momentum (or beta1) of <paramref name="group"/> for the next step, or null when not scheduled.</summary>
    public double? MomentumOf(int group) => Schedules.MomentumAt(group, ScheduleStep);

    /// <summary>Lays <paramref name="overlay"/> over the schedule from now on and writes the new values.</summary>
    public void SetOverlay(LrOverlay overlay)
    {
        Overlay = overlay ?? throw new ArgumentNullException(nameof(overlay));
        Apply();
    }

    /// <summary>
    /// Sets the outside factor and the schedule's origin (the applied step that evaluates the schedule at 0) and
    /// writes the new values.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor that is not finite and &gt; 0, or a negative origin.</exception>
    public void SetMultiplier(double multiplier, long origin)
    {
        if (!(multiplier > 0) || !double.IsFinite(multiplier))
            throw new RampArgumentException(nameof(multiplier), multiplier,
                $"binder: multiplier must be finite and > 0 but was {multiplier}");
        ArgumentOutOfRangeException.ThrowIfNegative(origin);
        (Multiplier, Origin) = (multiplier, origin);
        Apply();
    }

    /// <summary>Counts one applied optimizer step and writes the next step's values.</summary>
    public void Advance()
    {
        Step++;
        Apply();
    }

    /// <summary>Feeds <paramref name="metric"/> to the plateau rule (no-op without one) and writes the new values.</summary>
    public void Observe(double metric)
    {
        if (Schedules.Plateau is null || Plateau is null) return;
        Plateau = Schedules.Plateau.Observe(Plateau, metric);
        Apply();
    }

    /// <summary>Resumes from a checkpointed <paramref name="state"/> and writes its values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative step.</exception>
    public void Restore(BinderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(state.Step, nameof(state));
        if (state.Plateau is { } p && p.Factors.Count != _groups.Length)
            throw RampArgumentException.For(
                $"plateau state has {p.Factors.Count} group factor(s) but the optimizer has {_groups.Length}", nameof(state));
        if (!(state.Multiplier > 0) || !double.IsFinite(state.Multiplier) || state.Origin < 0)
            throw new RampArgumentException(nameof(state), state, "binder: state multiplier must be finite and > 0 and origin >= 0");
        Step = state.Step;
        Plateau = Schedules.Plateau is null ? null : state.Plateau ?? Schedules.Plateau.Start(BaseLrs);
        (Overlay, Multiplier, Origin) = (state.Overlay ?? LrOverlay.None, state.Multiplier, state.Origin);
        Apply();
    }

    /// <summary>Writes the current step's learning rates (and momentum or beta1) into the groups.</summary>
    public void Apply()
    {
        for (int g = 0; g < _groups.Length; g++)
        {
            _groups[g].LearningRate = LrOf(g);
            if (MomentumOf(g) is not { } m) continue;
            if (_groups[g] is IMomentum withMomentum) withMomentum.Momentum = m;
            else if (_groups[g] is IBetas withBetas) withBetas.Betas = (m, withBetas.Betas.Item2);
        }
    }

    /// <summary>A TorchSharp <c>LRScheduler</c> view of this binder, for code that expects one.</summary>
    public lr_scheduler.LRScheduler AsLrScheduler(Optimizer optimizer) => new BinderLrScheduler(optimizer, this);
}
