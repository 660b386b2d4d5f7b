using Ramp.Schedules.Compat.DeepSpeed;
using Ramp.Schedules.Compat.Hf;
using Ramp.Schedules.Compat.Keras;
using Ramp.Schedules.Compat.Optax;
using Ramp.Schedules.Compat.Paper;
using Ramp.Schedules.Compat.Timm;
using Ramp.Schedules.Compat.Torch;
using Ramp.Schedules.Plateau;

namespace Ramp.Schedules.Text.Python;

/// <summary>Every peer scheduler a Python call can name, looked up by name and optional module prefix.</summary>
public static class PeerCatalog
{
    /// <summary>All entries; for a bare name shared by two peers, the earlier entry wins (PyTorch first).</summary>
    public static IReadOnlyList<PeerEntry> All { get; } =
    [
        .. TorchCatalog.Entries, .. HfCatalog.Entries, .. TimmCatalog.Entries, .. OptaxCatalog.Entries,
        .. DeepSpeedCatalog.Entries, .. PlateauCatalog.Entries, .. KerasCatalog.Entries, .. PaperCatalog.Entries,
    ];

    /// <summary>Whether <paramref name="shortName"/> names any peer scheduler.</summary>
    public static bool Knows(string shortName) => All.Any(e => e.Name == shortName);

    /// <summary>The entry a call names, or a <see cref="SpecException"/> with the nearest names.</summary>
    public static PeerEntry Resolve(PyCall call)
    {
        var entry = All.FirstOrDefault(e => e.Name == call.ShortName && e.Accepts(call.Module));
        if (entry is not null) return entry;
        if (All.Any(e => e.Name == call.ShortName))
        {
            var modules = All.Where(e => e.Name == call.ShortName).SelectMany(e => e.Modules);
            throw new SpecException(call.Position,
                $"'{call.ShortName}' is not in module '{call.Module}'; it is in {string.Join(", ", modules.Select(m => $"'{m}'"))}");
        }
        throw new SpecException(call.Position, $"unknown scheduler '{call.Name}'",
            NearestNames.Find(call.ShortName, All.Select(e => e.Name)));
    }
}
