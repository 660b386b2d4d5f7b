namespace Ramp.Cli.Tests.Slurm;

/// <summary>
/// A fact that needs a Slurm test cluster (<see cref="SlurmCluster"/>): skipped, with the reason, when Slurm is not
/// installed; under CI (<c>CI=true</c>) it runs anyway and fails on the missing packages.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmCluster.Why is { } why && !SlurmCluster.Required) Skip = why;
    }
}
