using Ramp.TestSupport;
using Ramp.Reports.Html;

namespace Ramp.Reports.Tests.Conventions;

/// <summary>The source conventions (tests/Shared/Conventions) for src/Ramp.Reports.</summary>
public class ReportsSourceConventionTests() : SourceConventionTests("Ramp.Reports", typeof(HtmlReport));
