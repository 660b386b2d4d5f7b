using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Paper;

/// <summary>The paper schedulers that a Python call can name.</summary>
public static class PaperCatalog
{
    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } = [];
}
