namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// Where PyTorch's schedulers live. Each <c>torch.optim.lr_scheduler</c> scheduler is a record declared with its
/// call (<see cref="Text.Python.PeerCallAttribute"/>); <c>LambdaLR</c> and <c>MultiplicativeLR</c> take Python
/// functions and are not supported.
/// </summary>
public static class TorchCatalog
{
    /// <summary>The module of PyTorch's schedulers.</summary>
    public const string Module = "torch.optim.lr_scheduler";
}
