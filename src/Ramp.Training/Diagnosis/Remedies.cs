namespace Ramp.Training.Diagnosis;

/// <summary>The plain-words fixes the diagnosis rules suggest.</summary>
public static class Remedies
{
    /// <summary>For an explosion in the first tenth of the run.</summary>
    public const string EarlyExplosion =
        "add a warmup (linear over about 5-10% of the steps) or lower the peak learning rate; clipping by global norm (--clip 1) bounds " +
            "single spikes";

    /// <summary>For an explosion later in the run.</summary>
    public const string LateExplosion =
        "lower the peak learning rate or decay sooner; enable clipping (--clip 1 or --zclip), and --skip-spikes for isolated spikes";

    /// <summary>For NaN or infinite values.</summary>
    public const string NonFinite =
        "add a warmup and lower the peak learning rate; --clip bounds the gradients and --rollback recovers automatically";

    /// <summary>For a layer whose gradients vanished.</summary>
    public const string Vanishing =
        "if it follows a spike, too large early updates killed the units: add a warmup or lower the peak; otherwise raise the learning " +
            "rate or use normalisation or residual connections";

    /// <summary>For a loss stuck at chance level.</summary>
    public const string StuckLoss =
        "the model learns nothing: the learning rate is far too high (units died early) or far too low; add a warmup with a lower peak, " +
            "or run a range test (ramp find-lr)";

    /// <summary>For ReLU layers whose units stopped firing.</summary>
    public const string DeadRelu =
        "too large early updates pushed ReLU units below zero for good: add a warmup, lower the peak learning rate, or use a " +
            "leaky activation";
}
