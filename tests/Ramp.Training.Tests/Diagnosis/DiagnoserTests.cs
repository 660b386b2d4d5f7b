using Ramp.Runs;
using Ramp.Training.Diagnosis;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Tests.Diagnosis;

public class DiagnoserTests
{
    internal static StepRecord Row(long step, double loss, double norm, double fc1 = double.NaN, double fc2 = double.NaN, bool nonFinite = false) =>
        new(step, 0, loss, 0.5, [0.1], null, norm, 1e-3, 10, nonFinite, false, false, 1,
            [new("fc1", new LayerStats(double.IsNaN(fc1) ? norm / 2 : fc1, 1e-3, 5)),
             new("fc2", new LayerStats(double.IsNaN(fc2) ? norm / 2 : fc2, 1e-3, 5))]);

    [Fact]
    public void A_gradient_spike_is_named_with_its_layer_step_and_the_warmup_fix_when_early()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 1000));
        for (var i = 0; i < 30; i++) Assert.Empty(d.Observe(Row(i, 2, 1 + 0.05 * (i % 3))));
        var events = d.Observe(Row(30, 2, 50, fc1: 0.5, fc2: 49));
        var e = Assert.Single(events);
        Assert.Equal("explosion", e.Name);
        Assert.Equal("fc2", e.Layer);
        var f = Assert.Single(d.Findings);
        Assert.Equal(30, f.FromStep);
        Assert.Equal(Remedies.EarlyExplosion, f.Fix);
        Assert.Contains("spiked to 50", f.Message);
    }

    [Fact]
    public void Sustained_growth_is_an_explosion_from_the_start_of_the_window()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 100, Window: 20, SpikeSigmas: 1e9));
        for (var i = 0; i < 20; i++) d.Observe(Row(i, 2, Math.Pow(1.2, i), fc1: 1, fc2: Math.Pow(1.3, i)));
        var f = Assert.Single(d.Findings);
        Assert.Equal("explosion", f.Name);
        Assert.Equal(0, f.FromStep);
        Assert.Equal("fc2", f.Layer);
        Assert.Contains("grew", f.Message);
    }

    [Fact]
    public void Non_finite_values_are_reported_once_per_episode()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 100));
        d.Observe(Row(0, 2, 1));
        Assert.Single(d.Observe(Row(1, double.NaN, double.NaN, nonFinite: true)));
        Assert.Empty(d.Observe(Row(2, double.NaN, double.NaN, nonFinite: true)));
        Assert.Equal(1, d.FirstNonFinite);
        Assert.Equal("nonfinite", Assert.Single(d.Findings).Name);
    }

    [Fact]
    public void A_layer_whose_gradients_collapse_is_vanishing()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 1000, SpikeSigmas: 1e9));
        for (var i = 0; i < 12; i++) d.Observe(Row(i, 2, 1, fc1: 1, fc2: 1));
        d.Observe(Row(12, 2, 1, fc1: 1e-5, fc2: 1));
        var f = Assert.Single(d.Findings);
        Assert.Equal(("vanishing", "fc1", 12L), (f.Name, f.Layer, f.FromStep));
    }

    [Fact]
    public void Gradients_back_from_an_explosion_have_not_vanished()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 1000));
        for (var i = 0; i < 12; i++) d.Observe(Row(i, 2, 1 + 0.05 * (i % 3)));
        d.Observe(Row(12, 2, 1e15));
        d.Observe(Row(13, 2, 1.77e11)); // 1.8e-4 of the peak, yet far above where the layers started
        Assert.Contains(d.Findings, f => f.Name == "explosion");
        Assert.DoesNotContain(d.Findings, f => f.Name == "vanishing");
        d.Observe(Row(14, 2, 1, fc1: 1e-9)); // below its start and its peak: vanished
        Assert.Equal("fc1", Assert.Single(d.Findings, f => f.Name == "vanishing").Layer);
    }

    [Fact]
    public void Findings_are_sorted_by_their_first_step_and_name_their_layer()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 1000, Window: 20, SpikeSigmas: 1e9));
        for (var i = 0; i < 6; i++) d.Observe(Row(i, 2, 1, fc1: 1, fc2: 1));
        for (var i = 6; i < 30; i++) d.Observe(Row(i, 2, Math.Pow(1.2, i - 6), fc1: i == 12 ? 1e-5 : 1, fc2: Math.Pow(1.2, i - 6)));
        var raised = d.Findings.Select(f => (f.Name, f.Layer, f.FromStep)).ToArray();
        // The growth is raised after the vanishing layer but starts before it (at the beginning of its window).
        Assert.Equal([("explosion", "fc2", 0L), ("vanishing", "fc1", 12L)], raised);
        Assert.Equal("vanishing in fc1 from step 12", d.Findings[1].Headline());
        Assert.Equal("stuck_loss from step 3", new Finding("stuck_loss", null, 3, "", "").Headline());
    }

    [Fact]
    public void A_loss_stuck_at_ln_classes_after_a_quarter_of_the_run_is_named()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 100));
        for (var i = 0; i < 40; i++) d.Observe(Row(i, Math.Log(10) + 0.001 * (i % 2), 1));
        var f = Assert.Single(d.Findings);
        Assert.Equal("stuck_loss", f.Name);
        Assert.Equal(25, f.FromStep);
    }

    [Fact]
    public void A_healthy_run_has_no_findings()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 200));
        for (var i = 0; i < 200; i++) d.Observe(Row(i, 2.3 * Math.Exp(-i / 50.0), 1 + 0.1 * Math.Sin(i)));
        Assert.Empty(d.Findings);
    }

    [Fact]
    public void Dead_relu_fraction_above_threshold_is_named()
    {
        var d = new Diagnoser(new DiagnosisOptions(Classes: 10, TotalSteps: 200));
        Assert.Empty(d.ObserveDeadUnits(3, "relu1", 0.2));
        Assert.Single(d.ObserveDeadUnits(4, "relu1", 0.9));
        Assert.Equal("dead_relu", Assert.Single(d.Findings).Name);
    }
}
