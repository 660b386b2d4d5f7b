namespace Ramp.Training.Loop;

/// <summary>What the host knows of a step when it runs; the rest of its row is read back later (<see cref="RunRecorder.Flush"/>).</summary>
/// <param name="Step">The zero-based step.</param>
/// <param name="Epoch">The epoch of its (first) batch.</param>
/// <param name="Lrs">The learning rate of each group used by the step.</param>
/// <param name="Momentum">The momentum of group 0 when the schedule drives it.</param>
/// <param name="Skipped">Whether a guard skipped the update.</param>
/// <param name="HostClipped">Whether a host guard rescaled the gradients (device guards are read back).</param>
/// <param name="ScheduleStep">The binder's applied steps before this one.</param>
/// <param name="WallMs">Host milliseconds the step took.</param>
internal sealed record PendingRow(long Step, long Epoch, double[] Lrs, double? Momentum, bool Skipped, bool HostClipped,
    long ScheduleStep, double WallMs);
