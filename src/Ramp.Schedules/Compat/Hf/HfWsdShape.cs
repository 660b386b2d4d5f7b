using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>The warmup and decay shapes of transformers' <c>get_wsd_schedule</c>.</summary>
public enum HfWsdShape
{
    /// <summary><c>"linear"</c>: warmup p, decay 1 − p.</summary>
    Linear,

    /// <summary><c>"cosine"</c>: warmup ½(1 − cos πp), decay ½(1 + cos(2π·num_cycles·p)).</summary>
    Cosine,

    /// <summary><c>"1-sqrt"</c>: warmup 1 − sqrt(1 − p), decay 1 − sqrt(p).</summary>
    [PyName("1-sqrt")]
    OneMinusSqrt,
}
