using Ramp.TestSupport;
using Ramp.Data;

namespace Ramp.Training.Tests.Conventions;

/// <summary>The source conventions (tests/Shared/Conventions) for src/Ramp.Data.</summary>
public class DataSourceConventionTests() : SourceConventionTests("Ramp.Data", typeof(ShippedDataAssembly));
