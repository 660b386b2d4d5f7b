using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Tests.Tuning.AutoWarmup;

/// <summary>Synthetic monitor signals for controller tests.</summary>
internal static class Signals
{
    /// <summary>
    /// A healthy step: loss decaying from 2.3 towards 0.3 with +-2% deterministic wobble, a steady gradient norm,
    /// and update ratios that scale with the factor (1e-3 at the target).
    /// </summary>
    public static TrainingSignals Benign(long step, double factor) => new(
        (0.3 + 2.0 * Math.Exp(-step / 200.0)) * (1 + 0.02 * Math.Sin(1.7 * step)),
        1.0 + 0.05 * Math.Cos(0.9 * step),
        [new LayerUpdateRatio("fc1.weight", 1e-3 * factor), new LayerUpdateRatio("fc2.weight", 5e-4 * factor)]);

    /// <summary>Drives <paramref name="controller"/> for <paramref name="steps"/> steps with <paramref name="signal"/>.</summary>
    public static (AutoWarmupState Final, List<AutoWarmupStep> Trace) Drive(
        AutoWarmupController controller, int steps, Func<long, double, TrainingSignals> signal)
    {
        var state = controller.Start();
        var trace = new List<AutoWarmupStep>();
        for (var i = 0; i < steps; i++)
        {
            var step = controller.Observe(state, signal(state.Step, state.Factor));
            trace.Add(step);
            state = step.State;
        }
        return (state, trace);
    }
}
