using Ramp.Training.Tests.Loop;
using Ramp.Training.Tuning.RangeTest;
using Ramp.Training.Tuning.Runner;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Tuning.Runner;

public sealed class TuningRunnerTests
{
    private static float[][] Weights(nn.Module model) =>
        model.parameters().Select(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    [Fact]
    public void The_range_test_finds_suggestions_inside_the_ramp_and_leaves_the_model_as_it_was()
    {
        using var _ = NewDisposeScope();
        var model = TinyRuns.Mlp(3);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var before = Weights(model);
        var plan = new RangeTestPlan(1e-5, 10, 100);
        var result = new TuningRunner(model, optimizer, TinyRuns.Train, batch: 64, seed: 3).RangeTest(plan);
        Assert.Equal(before, Weights(model));
        Assert.Equal(0.01, ((torch.optim.Optimizer)optimizer).ParamGroups.First().LearningRate, 15);
        Assert.NotEqual(RangeStopReason.Running, result.StopReason);
        Assert.True(result.Points.Count >= 20, $"{result.Points.Count} points, stopped: {result.StopReason}");
        var series = RangeSeries.From(result);
        foreach (var rule in SuggestionRule.All.Where(r => r.Name != "slide"))
        {
            var s = rule.Suggest(series);
            Assert.True(s.Lr is not null, s.Explanation);
            Assert.InRange(s.Lr!.Value, plan.StartLr / MinimumRule.Divisor, result.Points[^1].Lr);
        }
        // The loss falls along the ramp before it rises: the curve has a minimum well inside it.
        Assert.True(series.Losses.Min() < 0.8 * series.Losses[0]);
    }

    [Fact]
    public void The_cold_start_search_brackets_the_largest_surviving_lr_from_the_same_initial_weights()
    {
        using var _ = NewDisposeScope();
        var model = TinyRuns.Mlp(3);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var before = Weights(model);
        var runner = new TuningRunner(model, optimizer, TinyRuns.Train, batch: 64, seed: 3);
        var plan = new ColdStartPlan(InitialLr: 0.1, Tolerance: 1.5, MaxTrials: 12, TrialSteps: 10);
        var result = runner.ColdStart(plan);
        Assert.Equal(before, Weights(model));
        Assert.Equal(ColdStartOutcome.Bracketed, result.Outcome);
        Assert.True(result.LargestSurvivingLr < result.SmallestFailingLr);
        // Same weights and data each trial: repeating the verdict on the surviving lr gives the same answer.
        Assert.Equal(result, runner.ColdStart(plan));
    }

    [Fact]
    public void A_trial_run_trains_from_the_initial_weights_reports_the_test_split_and_leaves_the_model_as_it_was()
    {
        using var _ = NewDisposeScope();
        var model = TinyRuns.Mlp(3);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var before = Weights(model);
        var runner = new TuningRunner(model, optimizer, TinyRuns.Train, batch: 64, seed: 3);
        var (untrainedLoss, untrainedAccuracy) = runner.Evaluate(TinyRuns.Test);
        var run = runner.Train(t => 0.05, 60, TinyRuns.Test);
        Assert.Equal(before, Weights(model));
        Assert.False(run.Diverged);
        Assert.Equal(60, run.Steps);
        Assert.True(run.FinalLoss < 0.8 * run.FirstLoss, $"loss {run.FirstLoss} -> {run.FinalLoss}");
        Assert.True(run.TestLoss < untrainedLoss, $"test loss {untrainedLoss} -> {run.TestLoss}");
        Assert.True(run.TestAccuracy > untrainedAccuracy, $"test accuracy {untrainedAccuracy} -> {run.TestAccuracy}");
        Assert.Equal(run.TestAccuracy, run.Score);
        // The same run again gives the same numbers: same weights, same data order.
        Assert.Equal(run, runner.Train(t => 0.05, 60, TinyRuns.Test));
        Assert.Equal(120, runner.StepsTaken);
    }

    [Fact]
    public void A_trial_run_at_an_absurd_rate_stops_early_as_blown_up()
    {
        using var _ = NewDisposeScope();
        var model = TinyRuns.Mlp(3);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var run = new TuningRunner(model, optimizer, TinyRuns.Train, batch: 64, seed: 3).Train(t => 1e4, 60, TinyRuns.Test);
        Assert.True(run.Diverged);
        Assert.True(run.Steps < 60, $"{run.Steps} steps");
    }
}
