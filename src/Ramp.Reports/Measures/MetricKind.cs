namespace Ramp.Reports.Measures;

/// <summary>Which final metric a case study is judged by.</summary>
public enum MetricKind
{
    /// <summary>Accuracy in [0, 1]; higher is better (classifiers).</summary>
    Accuracy,

    /// <summary>Loss in nats; lower is better (language models, or runs that log no accuracy).</summary>
    Loss,
}
