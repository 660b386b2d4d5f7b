using Ramp.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// One parameter's <see cref="Prodigy"/> state: the starting point <c>x_0</c>, the estimate's gradient sum <c>s</c>,
/// the moments <c>m</c> (null without momentum) and <c>v</c>, and the step count.
/// </summary>
public sealed class ProdigyState : OptimizerState, IDisposable
{
    internal ProdigyState(Parameter parameter, bool momentum)
        : base(parameter)
    {
        Start = zeros_like(parameter).DetachFromDisposeScope();
        S = zeros_like(parameter).DetachFromDisposeScope();
        ExpAvg = momentum ? zeros_like(parameter).DetachFromDisposeScope() : null;
        ExpAvgSq = zeros_like(parameter).DetachFromDisposeScope();
    }

    /// <summary>Steps that updated this parameter (0: <see cref="Start"/> not yet taken).</summary>
    public long Step { get; internal set; }

    /// <summary>The parameter when it first had a gradient, <c>x_0</c>.</summary>
    public Tensor Start { get; private set; }

    /// <summary>The weighted gradient sum <c>s</c> whose L1 norm is the estimate's denominator.</summary>
    public Tensor S { get; private set; }

    /// <summary>First moment <c>m</c> (null when beta1 is 0).</summary>
    public Tensor? ExpAvg { get; private set; }

    /// <summary>Second moment <c>v</c>.</summary>
    public Tensor ExpAvgSq { get; private set; }

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
        Start.Save(writer);
        S.Save(writer);
        SaveConditionalStateTensor(writer, ExpAvg);
        ExpAvgSq.Save(writer);
    }

    /// <inheritdoc />
    public override void LoadStateDict(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Step = reader.ReadInt64();
        Start.Load(reader);
        S.Load(reader);
        if (reader.ReadBoolean() != ExpAvg is not null)
            throw new InvalidDataException("prodigy: saved state and optimizer disagree on momentum (beta1 = 0 or not)");
        ExpAvg?.Load(reader);
        ExpAvgSq.Load(reader);
    }

    /// <inheritdoc />
    public override void LoadStateDict(OptimizerState source)
    {
        var o = source as ProdigyState ?? throw RampArgumentException.For("prodigy: cannot load another optimizer's state", nameof(source));
        Step = o.Step;
        Start.copy_(o.Start);
        S.copy_(o.S);
        if (ExpAvg is not null && o.ExpAvg is not null) ExpAvg.copy_(o.ExpAvg);
        ExpAvgSq.copy_(o.ExpAvgSq);
    }

    /// <inheritdoc />
    public override bool ApproximatelyEquals(OptimizerState other) =>
        other is ProdigyState o && o.Step == Step && o.Start.allclose(Start) && o.S.allclose(S) && o.ExpAvgSq.allclose(ExpAvgSq)
        && (ExpAvg is null ? o.ExpAvg is null : o.ExpAvg is not null && o.ExpAvg.allclose(ExpAvg));

    /// <inheritdoc />
    public override void to(Device device)
    {
        Start = OptimizerTensors.Move(Start, device);
        S = OptimizerTensors.Move(S, device);
        if (ExpAvg is not null) ExpAvg = OptimizerTensors.Move(ExpAvg, device);
        ExpAvgSq = OptimizerTensors.Move(ExpAvgSq, device);
    }

    /// <summary>Frees the state's tensors.</summary>
    public void Dispose()
    {
        Start.Dispose();
        S.Dispose();
        ExpAvg?.Dispose();
        ExpAvgSq.Dispose();
    }
}
