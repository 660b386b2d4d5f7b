using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// The transformers calls that are not one record: <c>get_scheduler</c> (a dispatcher) and
/// <c>get_reduce_on_plateau_schedule</c> (PyTorch's ReduceLROnPlateau). Every other helper is a record declared with
/// its call (<see cref="PeerCallAttribute"/>).
/// </summary>
/// <remarks>
/// Besides the integer step counts transformers takes, <c>num_warmup_steps</c> may be a float ratio in [0, 1)
/// wherever <c>num_training_steps</c> is known (transformers 5's <c>warmup_steps</c> ratio): W = ceil(ratio·T).
/// </remarks>
internal static class HfCatalog
{
    /// <summary>The modules transformers' helpers can be imported from.</summary>
    public static readonly string[] Modules = ["transformers", "transformers.optimization"];

    /// <summary>The custom entries.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        new("hf", "get_reduce_on_plateau_schedule", Modules, call => HfGetScheduler.Plateau(call, call.Keywords)),
        new("hf", "get_scheduler", Modules, HfGetScheduler.Build),
    ];
}
