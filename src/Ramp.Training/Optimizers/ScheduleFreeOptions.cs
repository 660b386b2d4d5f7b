using System.Globalization;
using Ramp.Schedules;
using TorchSharp.Modules;

namespace Ramp.Training.Optimizers;

/// <summary>
/// One parameter group's settings and averaging state for <see cref="ScheduleFreeAdamW"/> and <see cref="ScheduleFreeSgd"/>
/// (Defazio et al. 2024): the settings a group may override, plus the step count, the running sum of averaging weights,
/// the largest learning rate seen and the train/eval mode, all saved with the optimizer's state.
/// </summary>
public sealed class ScheduleFreeOptions : OptimizerOptions, IBetaOptions
{
    /// <summary>Interpolation between the average <c>x</c> and the base sequence <c>z</c>: Adam's beta1, or SGD's momentum, in (0,
    /// 1).</summary>
    public double? Beta1 { get; set; }

    /// <summary>Second-moment decay in [0, 1) (Adam only; 0 for SGD).</summary>
    public double? Beta2 { get; set; }

    /// <summary>Added to <c>sqrt(v)</c>, &gt;= 0 (Adam only).</summary>
    public double? Eps { get; set; }

    /// <summary>Weight decay, &gt;= 0, taken at <c>y</c>: added to the (normalized) gradient as <c>weight_decay y</c>.</summary>
    public double? WeightDecay { get; set; }

    /// <summary>Steps of the built-in linear warmup, &gt;= 0 (0: none).</summary>
    public long? WarmupSteps { get; set; }

    /// <summary>Power of the step in the averaging weight, &gt;= 0 (the paper's r; default 0).</summary>
    public double? R { get; set; }

    /// <summary>Power of the largest learning rate so far in the averaging weight, &gt;= 0 (default 2).</summary>
    public double? WeightLrPower { get; set; }

    /// <summary>Steps taken by this group (the paper's t - 1 before the step).</summary>
    public long Step { get; set; }

    /// <summary>Sum of the averaging weights so far.</summary>
    public double WeightSum { get; set; }

    /// <summary>The largest learning rate used so far (-1 before the first step).</summary>
    public double LrMax { get; set; } = -1;

    /// <summary>The last step's averaging weight <c>c</c> (0 before the first step), for the monitor.</summary>
    public double AveragingWeight { get; set; }

    /// <summary>The last step's learning rate after warmup and (Adam) bias correction, for the monitor.</summary>
    public double ScheduledLr { get; set; }

    /// <summary>Whether the group's parameters hold <c>y</c> (training) rather than <c>x</c> (evaluation).</summary>
    public bool TrainMode { get; set; } = true;

    /// <inheritdoc />
    public override void SaveStateDict(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        base.SaveStateDict(writer);
        foreach (var value in new[] { Beta1!.Value, Beta2!.Value, Eps!.Value, WeightDecay!.Value, R!.Value, WeightLrPower!.Value })
            writer.Write(value);
        writer.Write(WarmupSteps!.Value);
        writer.Write(Step);
        writer.Write(WeightSum);
        writer.Write(LrMax);
        writer.Write(AveragingWeight);
        writer.Write(ScheduledLr);
        writer.Write(TrainMode);
    }

    /// <inheritdoc />
    public override void LoadStateDict(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        base.LoadStateDict(reader);
        (Beta1, Beta2, Eps, WeightDecay, R, WeightLrPower) =
            (reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        WarmupSteps = reader.ReadInt64();
        Step = reader.ReadInt64();
        WeightSum = reader.ReadDouble();
        LrMax = reader.ReadDouble();
        AveragingWeight = reader.ReadDouble();
        ScheduledLr = reader.ReadDouble();
        TrainMode = reader.ReadBoolean();
    }

    /// <inheritdoc />
    public override void LoadStateDict(OptimizerOptions source)
    {
        base.LoadStateDict(source);
        var o = source as ScheduleFreeOptions ?? throw RampArgumentException.For(
            string.Create(CultureInfo.InvariantCulture, $"schedule-free: cannot load options of type {source?.GetType().Name}"),
                nameof(source));
        (Beta1, Beta2, Eps, WeightDecay, WarmupSteps, R, WeightLrPower) = (o.Beta1, o.Beta2, o.Eps, o.WeightDecay, o.WarmupSteps, o.R,
            o.WeightLrPower);
        (Step, WeightSum, LrMax, AveragingWeight, ScheduledLr, TrainMode) = (o.Step, o.WeightSum, o.LrMax, o.AveragingWeight,
            o.ScheduledLr, o.TrainMode);
    }
}
