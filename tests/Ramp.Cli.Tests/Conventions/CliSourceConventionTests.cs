using Ramp.TestSupport;
using Ramp.Cli;

namespace Ramp.Cli.Tests.Conventions;

/// <summary>The source conventions (tests/Shared/Conventions) for src/Ramp.Cli.</summary>
public class CliSourceConventionTests() : SourceConventionTests("Ramp.Cli", typeof(Program));
