namespace Ramp.Schedules.Text.Python;

/// <summary>
/// One peer scheduler that a Python call can name: its name, the modules it lives in (any suffix of a module
/// path may prefix the name in a call), and how to build the equivalent spec from the call.
/// </summary>
/// <param name="Peer">The library: torch, hf, timm, optax, deepspeed, keras or paper.</param>
/// <param name="Name">The class or function name as the peer spells it.</param>
/// <param name="Modules">Full module paths under which the name can be imported, e.g. <c>torch.optim.lr_scheduler</c>.</param>
/// <param name="Build">Builds the spec; throws <see cref="SpecException"/> for bad arguments.</param>
internal sealed record PeerEntry(string Peer, string Name, IReadOnlyList<string> Modules, Func<PyCall, ScheduleSpec> Build)
{
    /// <summary>The record a declared entry builds (see <see cref="PeerCallAttribute"/>); null for a custom builder.</summary>
    public Type? Record { get; init; }

    /// <summary>Whether a call's module prefix (possibly empty) can refer to this entry.</summary>
    public bool Accepts(string module) =>
        module.Length == 0 || Modules.Any(m => m == module || m.EndsWith("." + module, StringComparison.Ordinal)
            || module.EndsWith("." + m, StringComparison.Ordinal));
}
