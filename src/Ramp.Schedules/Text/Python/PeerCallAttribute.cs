namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Declares a record as the equivalent of a peer's scheduler call: the record's primary constructor is the call's
/// signature (parameter <c>NumWarmupSteps</c> is the keyword <c>num_warmup_steps</c>, or the name given by
/// <see cref="PyNameAttribute"/>), and its defaults are the peer's. <see cref="PeerBinder"/> parses the call into the
/// record and prints the record back as the call; the catalog finds every declared record by this attribute.
/// </summary>
/// <param name="peer">The library: torch, hf, timm, optax, deepspeed, keras, paper or bolts.</param>
/// <param name="name">The class or function name as the peer spells it.</param>
/// <param name="modules">Full module paths under which the name can be imported; the first is used for printing.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class PeerCallAttribute(string peer, string name, params string[] modules) : Attribute
{
    /// <summary>The library.</summary>
    public string Peer { get; } = peer;

    /// <summary>The class or function name.</summary>
    public string Name { get; } = name;

    /// <summary>Module paths; the first is the one printed.</summary>
    public IReadOnlyList<string> Modules { get; } = modules;

    /// <summary>
    /// The peer's parameters in positional order (comma-separated) when that order differs from the constructor's
    /// or the peer takes parameters that have no effect here (keras' <c>name</c>, timm's <c>initialize</c>): such
    /// names are accepted and ignored. Null means the constructor's parameters, in order.
    /// </summary>
    public string? Signature { get; init; }

    /// <summary>Whether the peer's call takes the optimizer first (PyTorch-style classes and transformers' helpers).</summary>
    public bool TakesOptimizer { get; init; }
}
