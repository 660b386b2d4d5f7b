using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Tests.Text.Python;

public class PyArgsTests
{
    private static SpecException Error(string text) => Assert.Throws<SpecException>(() => ScheduleText.Parse(text));

    [Fact]
    public void UnknownKeywordSuggestsTheNearest()
    {
        var error = Error("StepLR(opt, step_sise=10)");
        Assert.Equal(12, error.Position);
        Assert.Equal(["step_size"], error.Suggestions);
        Assert.Contains("StepLR has no parameter 'step_sise'", error.Problem);
    }

    [Fact]
    public void MissingArgumentNamesIt()
    {
        var error = Error("CosineAnnealingLR(opt, eta_min=0.1)");
        Assert.Equal(0, error.Position);
        Assert.Equal("CosineAnnealingLR needs the argument 'T_max'", error.Problem);
    }

    [Fact]
    public void WrongTypePointsAtTheValue()
    {
        var error = Error("StepLR(opt, step_size='ten')");
        Assert.Equal(22, error.Position);
        Assert.Equal("StepLR: step_size must be an integer but got a string", error.Problem);
    }

    [Fact]
    public void MisspeltChoiceSuggestsTheNearest()
    {
        var error = Error("OneCycleLR(opt, max_lr=1, total_steps=10, anneal_strategy='coss')");
        Assert.Equal(["cos"], error.Suggestions);
    }

    [Fact]
    public void ConstructorErrorsPointAtTheArgument()
    {
        var error = Error("StepLR(opt, step_size=0)");
        Assert.Equal(22, error.Position);
        Assert.Equal("StepLR: step_size must be positive but was 0", error.Problem);
    }

    [Fact]
    public void UnknownSchedulerSuggestsNames()
    {
        var error = Assert.Throws<SpecException>(()
            => PythonSpecBuilder.Build(PythonCallParser.Parse("torch.optim.lr_scheduler.StepLr(opt, 10)")));
        Assert.Equal("unknown scheduler 'StepLr' in 'torch.optim.lr_scheduler'", error.Problem);
        Assert.Equal("torch.optim.lr_scheduler.".Length, error.Position);
        Assert.Contains("StepLR", error.Suggestions);
    }

    [Fact]
    public void TooManyPositionalArguments()
    {
        var error = Error("ExponentialLR(opt, 0.9, 5)");
        Assert.Equal(24, error.Position);
    }

    [Fact]
    public void LastEpochOtherThanMinusOneIsRefused() =>
        Assert.Contains("last_epoch", Error("ExponentialLR(opt, gamma=0.9, last_epoch=3)").Problem);

    [Fact]
    public void DeepSpeedConfigBecomesACallInItsModule()
    {
        var error = Error("{\"type\": \"WarmupLRx\", \"params\": {\"warmup_num_steps\": 10}}");
        Assert.StartsWith("unknown scheduler 'WarmupLRx' in 'deepspeed.runtime.lr_schedules'", error.Problem);
        Assert.Equal("{\"type\": \"".Length, error.Position);
        var bad = Error("{\"type\": \"WarmupLR\", \"parms\": {}}");
        Assert.Equal(["params"], bad.Suggestions);
    }
}
