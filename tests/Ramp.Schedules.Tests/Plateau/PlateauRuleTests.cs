using Ramp.Schedules.Compat.Timm;
using Ramp.Schedules.Compat.Torch;
using Ramp.Schedules.Evaluation;
using Ramp.Schedules.Plateau;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Plateau;

public class PlateauRuleTests
{
    /// <summary>The rates over the metrics: lr[t] read before metrics[t] is observed.</summary>
    private static double[] Rates(string spec, double[] metrics, double baseLr = 1.0)
    {
        var set = ScheduleText.Parse(spec).Bind([baseLr]);
        return LrTable.Compute(set, metrics.Length + 1, [baseLr], metrics).Lr.Select(row => row[0]).ToArray();
    }

    private static readonly double[] Flat = [1, 1, 1, 1, 1, 1, 1, 1];

    [Fact]
    public void TorchFiresOnThePatiencePlusFirstBadEpoch()
    {
        // The first observation is an improvement; then 2 bad ones are tolerated and the 3rd reduces.
        var rates = Rates("ReduceLROnPlateau(opt, patience=2, factor=0.5)", Flat);
        Assert.Equal([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25], rates);
    }

    [Fact]
    public void TorchCooldownIgnoresBadEpochs()
    {
        var rates = Rates("ReduceLROnPlateau(opt, patience=0, factor=0.5, cooldown=2)", Flat);
        Assert.Equal([1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125], rates);
    }

    [Fact]
    public void TorchStopsAtMinLrAndSkipsTinyReductions()
    {
        Assert.Equal([1, 1, 0.5, 0.4, 0.4], Rates("ReduceLROnPlateau(opt, patience=0, factor=0.5, min_lr=0.4)", [1, 1, 1, 1]));
        Assert.Equal([1, 1, 1], Rates("ReduceLROnPlateau(opt, patience=0, factor=0.99, eps=0.5)", [1, 1]));
    }

    [Theory]
    [InlineData("rel", 0.99985, 1)]
    [InlineData("rel", 0.9999, 0.5)]
    [InlineData("rel", 0.99995, 0.5)]
    [InlineData("abs", 0.9998, 1)]
    [InlineData("abs", 0.99995, 0.5)]
    public void TorchThresholdModes(string mode, double second, double expected)
    {
        var rates = Rates($"ReduceLROnPlateau(opt, patience=0, factor=0.5, threshold=1e-4, threshold_mode='{mode}')", [1, second]);
        Assert.Equal(expected, rates[2], 15);
    }

    [Fact]
    public void TorchStateTransitions()
    {
        var rule = Assert.IsType<TorchPlateauRule>(new ReduceLROnPlateau(Patience: 1, Cooldown: 1).Bind([0.1, 0.01]).Plateau);
        var state = rule.Start([0.1, 0.01]);
        Assert.Equal(double.PositiveInfinity, state.Best);
        state = rule.Observe(state, 3);
        Assert.Equal((3.0, 0, 0, 1L), (state.Best, state.BadEpochs, state.CooldownLeft, state.Observed));
        state = rule.Observe(rule.Observe(state, 4), 4);
        Assert.Equal((0, 1), (state.BadEpochs, state.CooldownLeft));
        Assert.Equal([0.1, 0.1], state.Factors.Select(f => Math.Round(f, 12)));
        state = rule.Observe(state, 5);
        Assert.Equal((0, 0), (state.BadEpochs, state.CooldownLeft));
    }

    [Fact]
    public void TorchMaxModeAndHfAlias()
    {
        Assert.Equal([1, 1, 1, 1, 0.1], Rates("ReduceLROnPlateau(opt, mode='max', patience=1)", [1, 2, 2, 2]));
        Assert.Equal([1, 1, 1, 1, 0.1], Rates("transformers.get_reduce_on_plateau_schedule(opt, mode='max', patience=1)", [1, 2, 2, 2]));
        Assert.Equal([1, 1, 1, 1, 1], Rates("ReduceLROnPlateau(opt, mode='max', patience=1)", [1, 2, 2, 3]));
    }

    [Fact]
    public void KerasFiresOnThePatienceThBadEpoch()
    {
        Assert.IsType<KerasReduceLROnPlateau>(ScheduleText.Parse("keras.callbacks.ReduceLROnPlateau(patience=2, factor=0.5)"));
        Assert.IsType<ReduceLROnPlateau>(ScheduleText.Parse("ReduceLROnPlateau(opt, patience=2)"));
        var rates = Rates("keras.callbacks.ReduceLROnPlateau(monitor='val_loss', patience=2, factor=0.5)", Flat);
        Assert.Equal([1, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125], rates);
    }

    [Fact]
    public void KerasAutoModeFollowsTheMonitoredName()
    {
        var spec = Assert.IsType<KerasReduceLROnPlateau>(ScheduleText.Parse("tf.keras.callbacks.ReduceLROnPlateau(monitor='val_accuracy')"));
        Assert.Equal(PlateauMode.Max, spec.Mode);
    }

    [Fact]
    public void OptaxFiresOnThePatienceThAndRespectsMinScale()
    {
        var rates = Rates("optax.contrib.reduce_on_plateau(patience=2, factor=0.5, min_scale=0.3)", Flat);
        Assert.Equal([1, 1, 1, 0.5, 0.5, 0.3, 0.3, 0.3, 0.3], rates);
    }

    [Fact]
    public void OptaxAveragesOverTheAccumulationWindow()
    {
        // Averages: (4+2)/2 = 3 (improves), (3+3)/2 = 3 (bad: reduce with patience 1).
        var rates = Rates("optax.contrib.reduce_on_plateau(patience=1, factor=0.5, accumulation_size=2)", [4, 2, 3, 3]);
        Assert.Equal([1, 1, 1, 1, 0.5], rates);
    }

    [Fact]
    public void TimmWarmupThenPlateauCompose()
    {
        // Warmup over 2 epochs from 0.1 to 1 ignores the metrics seen during it; then mode='max' patience 0.
        var rates = Rates("timm.scheduler.PlateauLRScheduler(opt, warmup_t=2, warmup_lr_init=0.1, patience_t=0, decay_rate=0.5)",
            [9, 9, 1, 1, 1]);
        Assert.Equal(0.1, rates[0], 15);
        Assert.Equal(0.55, rates[1], 15);
        Assert.Equal(1.0, rates[2], 15);
        Assert.Equal(1.0, rates[3], 15);
        Assert.Equal(0.5, rates[4], 15);
        Assert.Equal(0.25, rates[5], 15);
    }

    [Fact]
    public void TimmNoiseIsSeededAndBounded()
    {
        var noise = new TimmNoise(new[] { 3.0, 10.0 }, 0.2, Seed: 7);
        Assert.Equal(1.0, noise.FactorAt(2));
        Assert.Equal(1.0, noise.FactorAt(10));
        foreach (var t in Enumerable.Range(3, 7))
        {
            Assert.InRange(noise.FactorAt(t), 0.8, 1.2);
            Assert.Equal(noise.FactorAt(t), new TimmNoise(new[] { 3.0, 10.0 }, 0.2, Seed: 7).FactorAt(t));
        }
        Assert.NotEqual(noise.FactorAt(3), noise.FactorAt(4));
    }
}
