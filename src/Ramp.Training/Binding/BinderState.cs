using System.Text.Json.Serialization;
using Ramp.Schedules.Plateau;

namespace Ramp.Training.Binding;

/// <summary>
/// Everything a <see cref="ScheduleBinder"/> remembers, for checkpoints: the number of applied optimizer steps
/// and, for a schedule with a plateau rule, the rule's state. A plain record, serialisable with System.Text.Json.
/// </summary>
/// <param name="Step">Applied optimizer steps so far; the schedule is evaluated at this step (&gt;= 0).</param>
/// <param name="Plateau">The plateau rule's state, or null when the schedule has no plateau rule.</param>
public sealed record BinderState(
    long Step,
    [property: JsonConverter(typeof(PlateauStateJsonConverter))] PlateauState? Plateau = null);
