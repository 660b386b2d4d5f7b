using System.Globalization;

namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// The gates of the automatic warmup, judged on one step's signals against the statistics of the steps before
/// it. In order of precedence at equal level: non-finite, update-ratio, catapult, loss-z, grad-norm.
/// </summary>
internal static class WarmupGates
{
    public static GateVerdict Judge(AutoWarmupOptions o, AutoWarmupState s, TrainingSignals signals, double fastLoss)
    {
        if (signals.NonFinite || !double.IsFinite(signals.Loss) || signals.GradNorm is { } g && !double.IsFinite(g))
            return Red("non-finite", "a non-finite value was seen (loss, gradient or weights)");
        var worst = GateVerdict.Green;

        if (signals.UpdateRatios is { Count: > 0 } ratios)
        {
            var top = ratios[0];
            foreach (var r in ratios)
            {
                if (!double.IsFinite(r.Ratio)) return Red("non-finite", $"update ratio of layer '{r.Layer}' is {r.Ratio}");
                if (r.Ratio > top.Ratio || r.Ratio == top.Ratio && string.CompareOrdinal(r.Layer, top.Layer) < 0) top = r;
            }
            if (top.Ratio > o.UpdateRatioRed)
                worst = Worse(worst, Red("update-ratio",
                    F($"layer '{top.Layer}' update/weight ratio {top.Ratio:G3} > red bound {o.UpdateRatioRed:G3}")));
            else if (top.Ratio > o.UpdateRatioAmber)
                worst = Worse(worst, Amber("update-ratio",
                    F($"layer '{top.Layer}' update/weight ratio {top.Ratio:G3} > amber bound {o.UpdateRatioAmber:G3}")));
        }

        if (s.LossStats.Values.Length >= o.MinSamples)
        {
            var level = s.LossStats.Median;
            var scale = Math.Abs(level);
            if (signals.Loss - level > o.CatapultRed * scale)
                worst = Worse(worst, Red("catapult",
                    F($"loss {signals.Loss:G4} is more than {1 + o.CatapultRed:G3}x its recent level {level:G4}")));
            else if (fastLoss - level > o.CatapultAmber * scale)
                worst = Worse(worst, Amber("catapult",
                    F($"smoothed loss {fastLoss:G4} rose more than {o.CatapultAmber * 100:G3}% above its recent level {level:G4}")));
        }

        worst = Worse(worst, ZGate("loss-z", "loss", s.LossStats.ZScore(signals.Loss, o.MinSamples), o));
        if (signals.GradNorm is { } norm && s.GradNormStats.Values.Length >= o.MinSamples)
        {
            var median = s.GradNormStats.Median;
            if (norm > o.GradNormRed * median)
                worst = Worse(worst, Red("grad-norm",
                    F($"gradient norm {norm:G4} is more than {o.GradNormRed:G3}x its recent median {median:G4}")));
            else if (norm > o.GradNormAmber * median)
                worst = Worse(worst, Amber("grad-norm",
                    F($"gradient norm {norm:G4} is more than {o.GradNormAmber:G3}x its recent median {median:G4}")));
        }
        return worst;
    }

    private static GateVerdict ZGate(string gate, string what, double? z, AutoWarmupOptions o) => z switch
    {
        { } v when v > o.ZRed => Red(gate, F($"{what} z-score {v:G3} > red bound {o.ZRed:G3}")),
        { } v when v > o.ZAmber => Amber(gate, F($"{what} z-score {v:G3} > amber bound {o.ZAmber:G3}")),
        _ => GateVerdict.Green,
    };

    private static GateVerdict Worse(GateVerdict a, GateVerdict b) => b.Level > a.Level ? b : a;

    private static GateVerdict Red(string gate, string reason) => new(GateLevel.Red, gate, reason);

    private static GateVerdict Amber(string gate, string reason) => new(GateLevel.Amber, gate, reason);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
