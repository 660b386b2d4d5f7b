using Ramp.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// One parameter's Schedule-Free state: the base sequence <c>z</c>, the squared-gradient average <c>v</c> (Adam only)
/// and the number of steps that updated it (0: <c>z</c> not yet taken from the parameter).
/// </summary>
public sealed class ScheduleFreeState : OptimizerState, IDisposable
{
    internal ScheduleFreeState(Parameter parameter, bool adaptive)
        : base(parameter)
    {
        Z = zeros_like(parameter).DetachFromDisposeScope();
        ExpAvgSq = adaptive ? zeros_like(parameter).DetachFromDisposeScope() : null;
    }

    /// <summary>Steps that updated this parameter.</summary>
    public long Step { get; internal set; }

    /// <summary>The base sequence <c>z</c> (the SGD/Adam iterate without averaging).</summary>
    public Tensor Z { get; private set; }

    /// <summary>The squared-gradient average <c>v</c> (null for SGD).</summary>
    public Tensor? ExpAvgSq { get; private set; }

    /// <summary>Nothing to do: the tensors are allocated when the parameter joins the optimizer.</summary>
    /// <param name="options">The group's options (unused).</param>
    public override void Initialize(OptimizerOptions options)
    {
    }

    /// <inheritdoc />
    public override void SaveStateDict(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Step);
        Z.Save(writer);
        SaveConditionalStateTensor(writer, ExpAvgSq);
    }

    /// <inheritdoc />
    public override void LoadStateDict(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Step = reader.ReadInt64();
        Z.Load(reader);
        bool hasV = reader.ReadBoolean();
        if (hasV != ExpAvgSq is not null)
            throw new InvalidDataException("schedule-free: saved state and optimizer disagree on the second moment (AdamW vs SGD)");
        ExpAvgSq?.Load(reader);
    }

    /// <inheritdoc />
    public override void LoadStateDict(OptimizerState source)
    {
        var other = source as ScheduleFreeState ?? throw RampArgumentException.For("schedule-free: cannot load another optimizer's state",
            nameof(source));
        Step = other.Step;
        Z.copy_(other.Z);
        if (ExpAvgSq is not null && other.ExpAvgSq is not null) ExpAvgSq.copy_(other.ExpAvgSq);
    }

    /// <inheritdoc />
    public override bool ApproximatelyEquals(OptimizerState other) =>
        other is ScheduleFreeState o && o.Step == Step && o.Z.allclose(Z)
        && (ExpAvgSq is null ? o.ExpAvgSq is null : o.ExpAvgSq is not null && o.ExpAvgSq.allclose(ExpAvgSq));

    /// <inheritdoc />
    public override void to(Device device)
    {
        Z = OptimizerTensors.Move(Z, device);
        if (ExpAvgSq is not null) ExpAvgSq = OptimizerTensors.Move(ExpAvgSq, device);
    }

    /// <summary>Frees the state's tensors.</summary>
    public void Dispose()
    {
        Z.Dispose();
        ExpAvgSq?.Dispose();
    }
}
