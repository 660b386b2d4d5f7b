using Ramp.Schedules.Compat.Torch;
using Ramp.Schedules.Compat.Hf;
using Ramp.Schedules.Compat.Optax;

namespace Ramp.Schedules.Text.Python;

/// <summary>Every peer scheduler a Python call can name, looked up by name and optional module prefix.</summary>
internal static class PeerCatalog
{
    private static readonly string[] PeerOrder = ["torch", "hf", "timm", "optax", "deepspeed", "keras", "paper", "bolts"];

    /// <summary>
    /// All entries: every record declared with <see cref="PeerCallAttribute"/>, and the custom builders of the
    /// irregular calls. For a bare name shared by two peers the earlier entry wins (PyTorch first).
    /// </summary>
    public static IReadOnlyList<PeerEntry> All { get; } =
    [
        .. typeof(PeerCatalog).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(PeerCallAttribute), false))
            .Select(PeerBinder.Entry)
            .Concat([.. HfCatalog.Entries, .. OptaxCatalog.Entries])
            .OrderBy(e => Array.IndexOf(PeerOrder, e.Peer))
            .ThenBy(e => e.Name, StringComparer.Ordinal),
    ];

    /// <summary>Whether <paramref name="shortName"/> names any peer scheduler.</summary>
    public static bool Knows(string shortName) =>
        All.Any(e => e.Name == shortName) || TorchCatalog.Unsupported.ContainsKey(shortName);

    /// <summary>The entry a call names, or a <see cref="SpecException"/> with the nearest names.</summary>
    public static PeerEntry Resolve(PyCall call)
    {
        var at = call.NamePosition ?? call.Position;
        if (TorchCatalog.Unsupported.TryGetValue(call.ShortName, out var why)) throw new SpecException(at, why);
        var entry = All.FirstOrDefault(e => e.Name == call.ShortName && e.Accepts(call.Module));
        if (entry is not null) return entry;
        if (All.Any(e => e.Name == call.ShortName))
        {
            var modules = All.Where(e => e.Name == call.ShortName).SelectMany(e => e.Modules);
            throw new SpecException(call.Position,
                $"'{call.ShortName}' is not in module '{call.Module}'; it is in {string.Join(", ", modules.Select(m => $"'{m}'"))}");
        }
        throw new SpecException(at, $"unknown scheduler '{call.ShortName}'{(call.Module.Length > 0 ? $" in '{call.Module}'" : "")}",
            NearestNames.Find(call.ShortName, All.Select(e => e.Name)));
    }
}
