using Ramp.TestSupport;
using Ramp.Training.Loop;

namespace Ramp.Training.Tests.Conventions;

/// <summary>The source conventions (tests/Shared/Conventions) for src/Ramp.Training.</summary>
public class TrainingSourceConventionTests() : SourceConventionTests("Ramp.Training", typeof(Trainer));
