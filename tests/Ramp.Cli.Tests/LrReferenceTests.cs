using System.Globalization;

namespace Ramp.Cli.Tests;

/// <summary><c>ramp lr</c> prints the peers' own learning rates (reference file) to 1e-9.</summary>
public sealed class LrReferenceTests
{
    [Theory]
    [InlineData("torch.StepLR.s0")]
    [InlineData("torch.SequentialLR.warmup_cosine.s0")]
    [InlineData("torch.OneCycleLR.cos.2p.s0")]
    [InlineData("torch.CyclicLR.triangular2.s1")]
    [InlineData("hf.get_cosine_schedule_with_warmup.10_200_0.5.s1")]
    [InlineData("timm.CosineLRScheduler.2.s0")]
    [InlineData("optax.join_schedules.s0")]
    public void Prints_the_reference_values(string id)
    {
        var reference = ReferenceCase.Get(id);
        var run = CliRun.Of("lr", reference.Spec, "--steps", Steps(reference), "--base-lr", Lrs(reference.BaseLrs));

        AssertMatches(reference, run);
    }

    [Fact]
    public void Plateau_rule_follows_the_metrics_file()
    {
        var reference = ReferenceCase.Get("torch.ReduceLROnPlateau.s0");
        var metrics = TempFile.With(reference.Metrics!.Select(m => m.ToString("R", CultureInfo.InvariantCulture)));

        var run = CliRun.Of("lr", reference.Spec, "--steps", Steps(reference), "--base-lr", Lrs(reference.BaseLrs), "--metrics", metrics);

        AssertMatches(reference, run);
        // The rule must actually have reduced the rate, or the test would pass on a constant schedule.
        Assert.True(reference.Lr[^1][0] < reference.Lr[0][0]);
    }

    private static void AssertMatches(ReferenceCase reference, CliRun run)
    {
        Assert.True(run.Code == 0, run.Err);
        Assert.Equal("", run.Err);
        var (header, rows) = run.Csv();
        var groups = reference.BaseLrs.Length;
        Assert.Equal(1 + groups * (reference.Momentum is null ? 1 : 2), header.Length);
        Assert.Equal(reference.Steps, rows.Length);
        for (var t = 0; t < reference.Steps; t++)
        {
            Assert.Equal(t, rows[t][0]);
            for (var g = 0; g < groups; g++)
            {
                Assert.True(ReferenceCase.Close(reference.Lr[t][g], rows[t][1 + g]),
                    $"{reference.Id} lr step {t} group {g}: expected {reference.Lr[t][g]:R} but printed {rows[t][1 + g]:R}");
                if (reference.Momentum is { } momentum)
                {
                    Assert.True(ReferenceCase.Close(momentum[t][g], rows[t][1 + groups + g]),
                        $"{reference.Id} momentum step {t} group {g}: expected {momentum[t][g]:R} but printed {rows[t][1 + groups + g]:R}");
                }
            }
        }
    }

    private static string Steps(ReferenceCase reference) => reference.Steps.ToString(CultureInfo.InvariantCulture);

    private static string Lrs(double[] baseLrs) =>
        string.Join(',', baseLrs.Select(b => b.ToString("R", CultureInfo.InvariantCulture)));
}
