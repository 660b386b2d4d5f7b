using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>torch.optim.swa_utils.SWALR(optimizer, swa_lr, anneal_epochs=10, anneal_strategy='cos')</c>, started
/// on the group's base rate: <c>lr(t) = swa_lr * a + base * (1 - a)</c> with <c>a = alpha(min(1, t / max(1, A)))</c>,
/// <c>alpha(x) = (1 - cos(pi x)) / 2</c> (cos) or <c>x</c> (linear); with <c>anneal_epochs = 0</c> the rate is
/// <c>swa_lr</c> from the first step.
/// </summary>
/// <remarks>
/// PyTorch back-solves the starting rate from the current one each step, so it can take over from another
/// scheduler mid-run; started on the base rate, as here, that recursion reduces to the closed form above.
/// </remarks>
/// <param name="SwaLr">The rate annealed to, one value or one per group (<c>swa_lr</c>).</param>
/// <param name="AnnealEpochs">Epochs of the annealing (<c>anneal_epochs</c>), at least 0; default 10.</param>
/// <param name="Anneal">The annealing shape (<c>anneal_strategy</c>); default cos.</param>
[PeerCall("torch", "SWALR", "torch.optim.swa_utils", TakesOptimizer = true)]
public sealed record SWALR(EquatableArray<double> SwaLr, long AnnealEpochs = 10,
    [PyName("anneal_strategy")] AnnealStrategy Anneal = AnnealStrategy.Cos)
    : TorchScheduleSpec
{
    /// <summary>The annealing shape (<c>anneal_strategy</c>); default cos.</summary>
    public AnnealStrategy Anneal { get; } = Check.Defined(Anneal, nameof(Anneal), "SWALR");

    /// <summary>The rate annealed to, one value or one per group.</summary>
    public EquatableArray<double> SwaLr { get; } = TorchCheck.NotEmpty(SwaLr, nameof(SwaLr), "SWALR", "swa_lr");

    /// <summary>Epochs of the annealing, at least 0.</summary>
    public long AnnealEpochs { get; } = TorchCheck.NotNegative(AnnealEpochs, nameof(AnnealEpochs), "SWALR", "anneal_epochs");

    /// <inheritdoc />
    public override void CheckGroups(int groups) => CheckList(SwaLr, "swa_lr", groups);

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch)
    {
        var step = AnnealEpochs == 0 ? Math.Max(1, epoch) : epoch;
        var x = Math.Clamp((double)step / Math.Max(1, AnnealEpochs), 0, 1);
        var alpha = Anneal == AnnealStrategy.Cos ? (1 - Math.Cos(Math.PI * x)) / 2 : x;
        return PerGroup(SwaLr, group) * alpha + baseLr * (1 - alpha);
    }
}
