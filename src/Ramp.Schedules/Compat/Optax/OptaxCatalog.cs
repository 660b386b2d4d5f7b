using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>The optax schedulers that a Python call can name.</summary>
public static class OptaxCatalog
{
    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } = [];
}
