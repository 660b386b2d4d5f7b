namespace Ramp.Training.Monitoring;

/// <summary>
/// One step's numbers as read back by <see cref="StepMonitor.ReadBack"/>, in the monitor's layout.
/// </summary>
/// <param name="Head"><c>[loss, correct, clipped, g_1..g_P, v_1..v_K]</c>: the batch loss, accuracy (0 when not measured),
/// 1 when a guard rescaled gradients, the gradient norm of each trainable parameter, and the values the device guards
/// left (<see cref="StepMonitor.Record"/>'s <c>extra</c>; none without them).</param>
/// <param name="Detail"><c>[u_1..u_P, b_1..b_P, a_1..a_P, d_1..d_R]</c> on detail steps (per parameter: update,
/// weight-before and weight-after norms; per ReLU module: dead-unit fraction), null on other steps.</param>
public sealed record MonitoredStep(double[] Head, double[]? Detail);
