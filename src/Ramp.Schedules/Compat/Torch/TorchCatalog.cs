using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// The <c>torch.optim.lr_scheduler</c> schedulers a Python call can name, with PyTorch's own parameter names and
/// defaults. <c>ReduceLROnPlateau</c> is listed in <see cref="Ramp.Schedules.Plateau.PlateauCatalog"/>; LambdaLR and
/// MultiplicativeLR take Python functions and are not supported.
/// </summary>
public static class TorchCatalog
{
    /// <summary>The module of PyTorch's schedulers.</summary>
    public const string Module = "torch.optim.lr_scheduler";

    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        Entry("StepLR", ["step_size", "gamma"], a => new StepLR(a.Int("step_size"), a.Double("gamma", 0.1))),
        Entry("MultiStepLR", ["milestones", "gamma"], a => new MultiStepLR(a.IntList("milestones"), a.Double("gamma", 0.1))),
        Entry("ConstantLR", ["factor", "total_iters"], a => new ConstantLR(a.Double("factor", 1.0 / 3.0), a.Int("total_iters", 5))),
        Entry("LinearLR", ["start_factor", "end_factor", "total_iters"],
            a => new LinearLR(a.Double("start_factor", 1.0 / 3.0), a.Double("end_factor", 1.0), a.Int("total_iters", 5))),
        Entry("ExponentialLR", ["gamma"], a => new ExponentialLR(a.Double("gamma"))),
        Entry("PolynomialLR", ["total_iters", "power"], a => new PolynomialLR(a.Int("total_iters", 5), a.Double("power", 1.0))),
        Entry("CosineAnnealingLR", ["T_max", "eta_min"], a => new CosineAnnealingLR(a.Int("T_max"), a.Double("eta_min", 0.0))),
        Entry("ChainedScheduler", ["schedulers"], a => new ChainedScheduler(TorchArgs.Schedulers(a, "schedulers"))),
        Entry("SequentialLR", ["schedulers", "milestones"],
            a => new SequentialLR(TorchArgs.Schedulers(a, "schedulers"), a.IntList("milestones"))),
        Entry("CyclicLR", ["base_lr", "max_lr", "step_size_up", "step_size_down", "mode", "gamma", "scale_fn", "scale_mode",
            "cycle_momentum", "base_momentum", "max_momentum"], TorchArgs.Cyclic),
        Entry("OneCycleLR", ["max_lr", "total_steps", "epochs", "steps_per_epoch", "pct_start", "anneal_strategy", "cycle_momentum",
            "base_momentum", "max_momentum", "div_factor", "final_div_factor", "three_phase"], TorchArgs.OneCycle),
        Entry("CosineAnnealingWarmRestarts", ["T_0", "T_mult", "eta_min"],
            a => new CosineAnnealingWarmRestarts(a.Int("T_0"), a.Int("T_mult", 1), a.Double("eta_min", 0.0))),
        Entry("SWALR", ["swa_lr", "anneal_epochs", "anneal_strategy"],
            a => new SWALR(a.DoubleOrList("swa_lr"), a.Int("anneal_epochs", 10), TorchArgs.Anneal(a)), "torch.optim.swa_utils"),
    ];

    /// <summary>An entry whose builder binds the call to <paramref name="parameters"/> and reports constructor errors at the argument.</summary>
    internal static PeerEntry Entry(string name, string[] parameters, Func<PyArgs, ScheduleSpec> make, string module = Module) =>
        new("torch", name, [module], call =>
        {
            var args = PyArgs.Bind(call, parameters);
            try
            {
                return make(args);
            }
            catch (ArgumentException error)
            {
                throw args.Invalid(error);
            }
        });
}
