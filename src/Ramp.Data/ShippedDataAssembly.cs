namespace Ramp.Data;

/// <summary>
/// Marks the assembly that carries Ramp's shipped data files as resources named <c>Ramp.Data.&lt;file&gt;</c>;
/// read them through <c>Ramp.Training.Data.ShippedData</c>.
/// </summary>
public static class ShippedDataAssembly
{
    /// <summary>The prefix of every resource name in this assembly.</summary>
    public const string ResourcePrefix = "Ramp.Data.";
}
