namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>The warmup arithmetic shared by WarmupLR and WarmupDecayLR.</summary>
internal static class DeepSpeedWarmup
{
    /// <summary>min + (max − min)·γ(t), or min at construction (t &lt; 0).</summary>
    public static double Lr(
        EquatableArray<double>? minLrs, EquatableArray<double>? maxLrs, IReadOnlyList<double> baseLrs, int group, long warmupNumSteps,
        DeepSpeedWarmupType type, long? totalNumSteps, long t)
    {
        var min = minLrs is { } mins ? (mins.Count == 1 ? mins[0] : mins[group]) : 0.0;
        if (t < 0) return min;
        var max = maxLrs is { } maxs ? (maxs.Count == 1 ? maxs[0] : maxs[group]) : baseLrs[0];
        var w = Math.Max(2, warmupNumSteps);
        double gamma;
        if (t < w)
        {
            gamma = type == DeepSpeedWarmupType.Log ? 1.0 / Math.Log(w) * Math.Log(t + 1) : (double)t / w;
        }
        else
        {
            gamma = totalNumSteps is { } total ? Math.Max(0.0, (double)(total - t) / Math.Max(1.0, total - w)) : 1.0;
        }
        return min + (max - min) * gamma;
    }

    /// <summary>Throws unless each list holds one value or one per group.</summary>
    public static void Check(EquatableArray<double>? minLrs, EquatableArray<double>? maxLrs, int groups, string who)
    {
        foreach (var (list, name) in new[] { (minLrs, "warmup_min_lr"), (maxLrs, "warmup_max_lr") })
        {
            if (list is { } values && values.Count != 1 && values.Count != groups)
            {
                throw ScheduleArgumentException.For($"{who}: expected {groups} value(s) for {name}, got {values.Count}", "baseLrs");
            }
        }
    }
}
