using Ramp.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// One parameter group's settings for <see cref="Prodigy"/>, plus its step count. The estimate <c>d</c> is shared by
/// all groups; every group's options point at the same device tensors and save them with the group.
/// </summary>
public sealed class ProdigyOptions : OptimizerOptions, IBetaOptions
{
    /// <summary>First-moment decay in [0, 1) (0: no momentum, the step uses <c>d g</c>).</summary>
    public double? Beta1 { get; set; }

    /// <summary>Second-moment decay in [0, 1).</summary>
    public double? Beta2 { get; set; }

    /// <summary>Decay of the estimate's running sums in [0, 1] (default <c>sqrt(beta2)</c>).</summary>
    public double? Beta3 { get; set; }

    /// <summary>Added to <c>sqrt(v)</c> as <c>d eps</c>, &gt; 0.</summary>
    public double? Eps { get; set; }

    /// <summary>Weight decay, &gt;= 0.</summary>
    public double? WeightDecay { get; set; }

    /// <summary>Decoupled (AdamW's) weight decay rather than an L2 term in the gradient.</summary>
    public bool? Decouple { get; set; }

    /// <summary>Adam's bias correction <c>sqrt(1 - beta2^t) / (1 - beta1^t)</c> on the step (off by default).</summary>
    public bool? UseBiasCorrection { get; set; }

    /// <summary>Leave the learning rate out of the estimate's denominator (helps under an external warmup).</summary>
    public bool? SafeguardWarmup { get; set; }

    /// <summary>The initial estimate <c>d_0</c>, &gt; 0.</summary>
    public double? D0 { get; set; }

    /// <summary>Factor on the estimate <c>d_hat</c>, &gt; 0 (default 1).</summary>
    public double? DCoef { get; set; }

    /// <summary>Largest factor by which <c>d</c> may grow in one step, &gt; 1 (default infinity).</summary>
    public double? GrowthRate { get; set; }

    /// <summary>Steps taken by this group.</summary>
    public long Step { get; set; }

    internal Tensor? D { get; set; }
    internal Tensor? DMax { get; set; }
    internal Tensor? DNumerator { get; set; }

    /// <inheritdoc />
    public override void SaveStateDict(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        base.SaveStateDict(writer);
        foreach (var value in new[] { Beta1!.Value, Beta2!.Value, Beta3!.Value, Eps!.Value, WeightDecay!.Value, D0!.Value, DCoef!.Value,
            GrowthRate!.Value })
            writer.Write(value);
        writer.Write(Decouple!.Value);
        writer.Write(UseBiasCorrection!.Value);
        writer.Write(SafeguardWarmup!.Value);
        writer.Write(Step);
        D!.Save(writer);
        DMax!.Save(writer);
        DNumerator!.Save(writer);
    }

    /// <inheritdoc />
    public override void LoadStateDict(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        base.LoadStateDict(reader);
        (Beta1, Beta2, Beta3, Eps) = (reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        (WeightDecay, D0, DCoef, GrowthRate) = (reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        (Decouple, UseBiasCorrection, SafeguardWarmup) = (reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean());
        Step = reader.ReadInt64();
        D!.Load(reader);
        DMax!.Load(reader);
        DNumerator!.Load(reader);
    }

    /// <inheritdoc />
    public override void LoadStateDict(OptimizerOptions source)
    {
        base.LoadStateDict(source);
        var o = source as ProdigyOptions
            ?? throw RampArgumentException.For("prodigy: cannot load another optimizer's options", nameof(source));
        (Beta1, Beta2, Beta3, Eps, WeightDecay, D0, DCoef, GrowthRate) = (o.Beta1, o.Beta2, o.Beta3, o.Eps, o.WeightDecay, o.D0,
            o.DCoef, o.GrowthRate);
        (Decouple, UseBiasCorrection, SafeguardWarmup, Step) = (o.Decouple, o.UseBiasCorrection, o.SafeguardWarmup, o.Step);
        D!.copy_(o.D!);
        DMax!.copy_(o.DMax!);
        DNumerator!.copy_(o.DNumerator!);
    }
}
