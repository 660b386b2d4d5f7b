namespace Ramp.Cli.Tests.Faults;

/// <summary>The small mistakes of issue 9, each through the real binary: one line, exit 2, and a hint that helps.</summary>
public sealed class SmallFixesTests
{
    [Fact]
    public void A_nested_command_points_to_its_own_help()
    {
        var run = RealRamp.Run("demo", "quadratic", "--bogus");

        Assert.Equal(2, run.Code);
        Assert.EndsWith("(see 'ramp demo quadratic --help')", Assert.Single(run.ErrLines));
        Assert.Equal(0, RealRamp.Run("demo", "quadratic", "--help").Code);
    }

    [Fact]
    public void A_misspelt_command_gets_the_nearest_name()
    {
        var run = RealRamp.Run("compre");

        Assert.Equal(2, run.Code);
        Assert.Equal(["ramp: Unrecognized command or argument 'compre'; did you mean 'compare'? (see 'ramp --help')"], run.ErrLines);
    }

    [Fact]
    public void A_base_lr_that_an_absolute_schedule_ignores_is_refused()
    {
        const string optax = "optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=300)";

        var refused = RealRamp.Run("lr", optax, "--steps", "5", "--base-lr", "0.1");
        var groups = RealRamp.Run("lr", optax, "--steps", "5", "--base-lr", "1,1");
        var torch = RealRamp.Run("lr", "torch.optim.lr_scheduler.StepLR(step_size=30, gamma=0.1)", "--steps", "5", "--base-lr", "0.1");

        Assert.Equal(2, refused.Code);
        Assert.Equal(["ramp: --base-lr: \"warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0…\" gives absolute learning rates (its values do not depend on the base rate), so --base-lr would be ignored; drop it or give 1 per group"],
            refused.ErrLines);
        Assert.Equal(0, groups.Code);
        Assert.StartsWith("step,lr0,lr1", groups.Out);
        Assert.Equal(0, torch.Code);
    }
}
