using Ramp.Runs;

namespace Ramp.Reports.Measures;

/// <summary>One run judged: diverged or not, its final metric, and its steps to the target.</summary>
/// <param name="Run">The run.</param>
/// <param name="Diverged">Whether it diverged (see <see cref="Divergence"/>).</param>
/// <param name="Reason">Why it diverged, in plain words; empty when it did not.</param>
/// <param name="Final">Its final metric (NaN when unknown).</param>
/// <param name="Capped">Its final metric capped for averaging (see <see cref="FinalMetric.Capped"/>).</param>
/// <param name="Steps">Steps until the target, or null when not reached.</param>
public sealed record RunOutcome(Run Run, bool Diverged, string Reason, double Final, double Capped, long? Steps);
