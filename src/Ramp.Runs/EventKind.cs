namespace Ramp.Runs;

/// <summary>What kind of decision or finding a line of <c>events.jsonl</c> records (its <c>kind</c>).</summary>
public enum EventKind
{
    /// <summary><c>guard</c>: a guard acted (names <c>clip</c>, <c>agc</c>, <c>zclip</c>, <c>skip</c>, <c>rollback</c>,
    /// <c>rewarm</c>).</summary>
    Guard,

    /// <summary><c>diagnosis</c>: a diagnosis rule fired (names <c>explosion</c>, <c>vanishing</c>, <c>nonfinite</c>, <c>dead_relu</c>,
    /// <c>stuck_loss</c>).</summary>
    Diagnosis,

    /// <summary><c>auto_warmup</c>: the automatic warmup decided (names <c>hold</c>, <c>back_off</c>, <c>done</c>,
    /// <c>gave_up</c>).</summary>
    AutoWarmup,

    /// <summary><c>schedule</c>: a metric-driven schedule changed the rate (name <c>plateau</c>).</summary>
    Schedule,
}
