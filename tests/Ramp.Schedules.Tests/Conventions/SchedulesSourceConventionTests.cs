using Ramp.TestSupport;
using Ramp.Schedules;

namespace Ramp.Schedules.Tests.Conventions;

/// <summary>The source conventions (tests/Shared/Conventions) for src/Ramp.Schedules.</summary>
public class SchedulesSourceConventionTests() : SourceConventionTests("Ramp.Schedules", typeof(Schedule));
