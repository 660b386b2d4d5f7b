using Ramp.TestSupport;
using Ramp.Runs;

namespace Ramp.Runs.Tests.Conventions;

/// <summary>The source conventions (tests/Shared/Conventions) for src/Ramp.Runs.</summary>
public class RunsSourceConventionTests() : SourceConventionTests("Ramp.Runs", typeof(RunFolder));
