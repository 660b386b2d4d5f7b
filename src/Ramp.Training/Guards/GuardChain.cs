using System.Text.Json;
using Ramp.Schedules;
using static TorchSharp.torch;

namespace Ramp.Training.Guards;

/// <summary>
/// The guards of a run, in the order they act: clipping by norm, AGC, ZClip, skip-step, roll-back. Each returns one
/// <see cref="GuardDecision"/> per step; the chain collects them, marks the step skipped for the guards after a skip,
/// and saves and restores each guard's state under its name.
/// </summary>
/// <remarks>
/// Adding a guard: write the class (an <see cref="IGuard"/>), its options record with a property in
/// <see cref="GuardOptions"/>, and one line in <see cref="Registered"/>. The loop, the checkpoint record and the
/// run folder need no change: decisions become events and states are saved by name.
/// </remarks>
public sealed class GuardChain
{
    /// <summary>The registrations, one line per guard, in the order the guards act on a step.</summary>
    private static readonly Func<GuardOptions, IGuard?>[] Registered = [
        o => o.Clip is { } clip ? new NormClip(clip) : null,
        o => o.Agc is { } agc ? new Agc(agc) : null,
        o => o.ZClip is { } zclip ? new ZClip(zclip) : null,
        o => o.SkipSpikes is { } skip ? new SpikeSkip(skip) : null,
        o => o.Rollback is { } rollback ? new RollbackTrigger(rollback) : null,
    ];

    private readonly IGuard[] _guards;
    private readonly IGuard[] _deferred;

    /// <summary>The chain of the guards <paramref name="options"/> turn on (validated).</summary>
    public GuardChain(GuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        _guards = [.. Registered.Select(create => create(options)).OfType<IGuard>()];
        _deferred = [.. _guards.Where(g => !g.OnHost)];
        Rollback = _guards.OfType<RollbackTrigger>().SingleOrDefault();
    }

    /// <summary>The guards, in the order they act.</summary>
    public IReadOnlyList<IGuard> Guards => _guards;

    /// <summary>Whether any guard needs the global gradient norm on the device.</summary>
    public bool NeedsGlobalNorm => _guards.Any(g => g.NeedsGlobalNorm);

    /// <summary>The roll-back guard, or null: a roll-back rewinds the loop itself, so the loop asks it for the new rates.</summary>
    public RollbackTrigger? Rollback { get; }

    /// <summary>
    /// Runs every guard on <paramref name="step"/> in order and returns their decisions; after a skip or a roll-back
    /// decision the later guards still see the step (a roll-back guard counts skips), after a stop none does.
    /// </summary>
    public GuardDecision[] Decide(GuardStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var decisions = new GuardDecision[_guards.Length];
        for (var i = 0; i < _guards.Length; i++)
        {
            decisions[i] = _guards[i].Decide(step);
            if (decisions[i].Action == GuardAction.Skip) step.Skipped = true;
        }
        return decisions;
    }

    /// <summary>The values device guards left for the monitor to read back with the step (in <see cref="Explain"/>'s order).</summary>
    public static Tensor[] DeviceValues(IReadOnlyList<GuardDecision> decisions) =>
        [.. decisions.Where(d => d.Action == GuardAction.Deferred).Select(d => d.DeviceValue!)];

    /// <summary>The device guards' decisions at <paramref name="step"/> from the <paramref name="values"/> read back.</summary>
    public IEnumerable<GuardDecision> Explain(long step, ReadOnlySpan<double> values, double gradNorm)
    {
        if (values.Length != _deferred.Length)
            throw RampArgumentException.For($"guards: {_deferred.Length} device value(s) expected but {values.Length} read back",
                nameof(values));
        var decisions = new GuardDecision[values.Length];
        for (var i = 0; i < values.Length; i++) decisions[i] = _deferred[i].Explain(step, values[i], gradNorm);
        return decisions;
    }

    /// <summary>Number of values the device guards leave per step.</summary>
    public int DeviceValueCount => _deferred.Length;

    /// <summary>Each guard's state by name, for a checkpoint (guards without state are left out).</summary>
    public Dictionary<string, JsonElement> SaveState()
    {
        var states = new Dictionary<string, JsonElement>();
        foreach (var g in _guards)
            if (g.SaveState() is { } s) states[g.Name] = s;
        return states;
    }

    /// <summary>Restores each guard from <paramref name="states"/> (a guard missing there starts afresh).</summary>
    public void RestoreState(IReadOnlyDictionary<string, JsonElement>? states, bool rollingBack)
    {
        foreach (var g in _guards)
            g.RestoreState(states is not null && states.TryGetValue(g.Name, out var s) ? s : null, rollingBack);
    }

    /// <summary>The guards' states as JSON, written with the run folder's conventions.</summary>
    internal static JsonElement Save<T>(T state) => JsonSerializer.SerializeToElement(state, Ramp.Runs.RunJson.Indented);

    /// <summary>A state saved by <see cref="Save{T}"/>.</summary>
    internal static T Load<T>(JsonElement state) =>
        state.Deserialize<T>(Ramp.Runs.RunJson.Indented) ?? throw new JsonException($"guards: an empty {typeof(T).Name} in the checkpoint");

}
