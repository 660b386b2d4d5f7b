namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// Where PyTorch's schedulers live. Each <c>torch.optim.lr_scheduler</c> scheduler is a record declared with its
/// call (<see cref="Text.Python.PeerCallAttribute"/>); <c>LambdaLR</c> and <c>MultiplicativeLR</c> take Python
/// functions and are not supported.
/// </summary>
internal static class TorchCatalog
{
    /// <summary>The module of PyTorch's schedulers.</summary>
    public const string Module = "torch.optim.lr_scheduler";

    /// <summary>The PyTorch schedulers Ramp cannot reproduce, each with why and what to write instead.</summary>
    internal static IReadOnlyDictionary<string, string> Unsupported { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LambdaLR"] = "LambdaLR is not supported: its factor is a Python function, which Ramp cannot run; write the factor "
            + "as native text (e.g. warmup(100) >> cosine(900)) or call the transformers helper that builds the same "
            + "LambdaLR (get_cosine_schedule_with_warmup, ...)",
        ["MultiplicativeLR"] = "MultiplicativeLR is not supported: it multiplies the rate by a Python function's value every "
            + "epoch, which Ramp cannot run; for a constant factor write ExponentialLR(gamma=...) or the native text exp_decay(1, gamma)",
    };
}
