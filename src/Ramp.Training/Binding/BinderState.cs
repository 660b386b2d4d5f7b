using System.Text.Json.Serialization;
using Ramp.Schedules.Plateau;

namespace Ramp.Training.Binding;

/// <summary>
/// Everything a <see cref="ScheduleBinder"/> remembers, for checkpoints: the number of applied optimizer steps,
/// the plateau rule's state, and what the training loop laid over the schedule. A plain record, serialisable with
/// System.Text.Json.
/// </summary>
/// <param name="Step">Applied optimizer steps so far (&gt;= 0).</param>
/// <param name="Plateau">The plateau rule's state, or null when the schedule has no plateau rule.</param>
/// <param name="Overlay">Roll-back's lower peak and re-warm-up, or null for none.</param>
/// <param name="Multiplier">A factor set from outside each step (the automatic warmup's factor); finite, &gt; 0; default 1.</param>
/// <param name="Origin">Applied step at which the schedule's own step 0 lies: the schedule is evaluated at
/// <c>max(0, Step - Origin)</c>. 0 except with <c>auto(clock=after_warmup)</c>, whose end is the origin of what follows.</param>
public sealed record BinderState(
    long Step,
    [property: JsonConverter(typeof(PlateauStateJsonConverter))] PlateauState? Plateau = null,
    LrOverlay? Overlay = null,
    double Multiplier = 1,
    long Origin = 0)
{
    /// <summary>The step at which the schedules are evaluated: <c>max(0, Step - Origin)</c>.</summary>
    [JsonIgnore]
    public long ScheduleStep => Math.Max(0, Step - Origin);
}
