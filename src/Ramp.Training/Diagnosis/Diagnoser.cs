using Ramp.Runs;
using System.Globalization;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Diagnosis;

/// <summary>
/// Watches step records and names what goes wrong, in plain words, with the layer, the first step and the likely fix.
/// Rules: gradient-norm spikes (z-score against a recent window), sustained growth of the gradient norm, non-finite
/// values, per-layer gradient norms collapsing, ReLU layers going dead, and a loss stuck near ln(classes).
/// Deterministic: the same records give the same findings, so a resumed run replays its kept rows to rebuild it.
/// </summary>
public sealed class Diagnoser
{
    private readonly DiagnosisOptions _options;
    private readonly RollingWindow _norms;
    private readonly Dictionary<string, RollingWindow> _layerNorms = [];
    private readonly Dictionary<string, double> _layerPeaks = [];
    private readonly Dictionary<string, double> _layerFirst = [];
    private readonly Queue<StepRecord> _recent = new();
    private readonly RollingWindow _losses = new(20);
    private readonly List<Finding> _findings = [];
    private readonly HashSet<string> _reported = [];
    private bool _inNonFinite;
    private long _lastSpike = long.MinValue;
    private StepRecord? _first;

    /// <summary>A diagnoser with the given thresholds.</summary>
    public Diagnoser(DiagnosisOptions options)
    {
        _options = options;
        _norms = new RollingWindow(Math.Max(2, options.Window));
    }

    /// <summary>
    /// Findings so far, one per rule and layer, sorted by the step they start at, then by rule and layer (a finding
    /// can start before the step that raised it: sustained growth starts at the beginning of its window).
    /// </summary>
    public IReadOnlyList<Finding> Findings =>
        [.. _findings.OrderBy(f => f.FromStep).ThenBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Layer, StringComparer.Ordinal)];

    /// <summary>The first step at which the loss or a gradient was not finite, or null.</summary>
    public long? FirstNonFinite { get; private set; }

    /// <summary>Examines one step; returns the diagnosis events it raises (often none).</summary>
    public IReadOnlyList<RunEvent> Observe(StepRecord r)
    {
        var events = new List<RunEvent>();
        CheckNonFinite(r, events);
        if (!r.NonFinite && double.IsFinite(r.GradNorm))
        {
            CheckSpike(r, events);
            CheckAboveStart(r, events);
            CheckGrowth(r, events);
            CheckVanishing(r, events);
            _norms.Add(r.GradNorm);
            foreach (var (name, s) in r.Layers)
            {
                if (!_layerNorms.TryGetValue(name, out var w)) _layerNorms[name] = w = new RollingWindow(_norms.Capacity);
                w.Add(s.GradNorm);
                if (!double.IsFinite(s.GradNorm)) continue;
                _layerPeaks[name] = Math.Max(_layerPeaks.GetValueOrDefault(name), s.GradNorm);
                _layerFirst.TryAdd(name, s.GradNorm);
            }
        }
        _losses.Add(r.Loss);
        CheckStuck(r, events);
        return events;
    }

    /// <summary>Examines a measured fraction of ReLU units that output zero for a whole batch.</summary>
    public IReadOnlyList<RunEvent> ObserveDeadUnits(long step, string layer, double fraction)
    {
        if (fraction < _options.DeadReluFraction) return [];
        var message = $"{Percent(fraction)} of the ReLU units in {layer} output zero for a whole batch at step {step}";
        return Raise("dead_relu", layer, step, message, Remedies.DeadRelu, fraction);
    }

    private void CheckNonFinite(StepRecord r, List<RunEvent> events)
    {
        var bad = r.IsNonFinite;
        if (bad && !_inNonFinite)
        {
            FirstNonFinite ??= r.Step;
            var layer = r.Layers.FirstOrDefault(l => !double.IsFinite(l.Value.GradNorm)).Key;
            var where = layer is null ? "" : $" (first in {layer})";
            var message = $"the loss or gradients became NaN or infinite at step {r.Step}{where}; loss {Num(r.Loss)}, gradient " +
                $"norm {Num(r.GradNorm)}";
            events.AddRange(Raise("nonfinite", layer, r.Step, message, Remedies.NonFinite, r.GradNorm, once: false));
        }
        _inNonFinite = bad;
    }

    private void CheckSpike(StepRecord r, List<RunEvent> events)
    {
        if (_norms.Count < Math.Min(10, _norms.Capacity)) return;
        var mean = _norms.Mean;
        var std = _norms.StandardDeviation;
        var z = std > 0 ? (r.GradNorm - mean) / std : 0;
        // Norms grow several-fold as a healthy net leaves its initial plateau; only a jump by GrowthFactor is a spike.
        if (z <= _options.SpikeSigmas || r.GradNorm < _options.GrowthFactor * mean) return;
        var spikeStart = r.Step != _lastSpike + 1;
        _lastSpike = r.Step;
        if (!spikeStart) return;
        var layer = WorstLayer(r, (name, s) =>
            _layerNorms.TryGetValue(name, out var w) && w.Count > 0 && w.Mean > 0 ? s.GradNorm / w.Mean : 0);
        var at = layer is null ? "" : $", mostly in {layer}";
        var message = $"gradient norm spiked to {Num(r.GradNorm)} at step {r.Step} ({Num(z)} sigma above its recent mean {Num(mean)}{at})";
        events.AddRange(Raise("explosion", layer, r.Step, message, Fix(r.Step), z, once: false));
    }

    /// <summary>Before the spike window fills, a norm far above the first step's is the early explosion warmup prevents.</summary>
    private void CheckAboveStart(StepRecord r, List<RunEvent> events)
    {
        _first ??= r;
        if (_norms.Count >= Math.Min(10, _norms.Capacity) || _reported.Contains("explosion/start")) return;
        if (!(r.GradNorm >= _options.GrowthFactor * _first.GradNorm)) return;
        _reported.Add("explosion/start");
        var firstLayers = _first.Layers.ToDictionary(l => l.Key, l => l.Value.GradNorm);
        var layer = WorstLayer(r, (name, s) => firstLayers.TryGetValue(name, out var f) && f > 0 ? s.GradNorm / f : 0);
        var at = layer is null ? "" : $", most in {layer}";
        var growth = r.GradNorm / _first.GradNorm;
        var message = $"gradient norm reached {Num(r.GradNorm)} at step {r.Step}, {Num(growth)}x its value at step {_first.Step}{at}";
        events.AddRange(Raise("explosion", layer, r.Step, message, Fix(r.Step), growth, once: false));
    }

    private void CheckGrowth(StepRecord r, List<RunEvent> events)
    {
        _recent.Enqueue(r);
        if (_recent.Count > _options.Window) _recent.Dequeue();
        if (_recent.Count < _options.Window || _reported.Contains("explosion/growth")) return;
        var first = _recent.Peek();
        var growth = r.GradNorm / first.GradNorm;
        if (!(growth >= _options.GrowthFactor)) return;
        var rising = _recent.Zip(_recent.Skip(1)).Count(p => p.Second.GradNorm > p.First.GradNorm);
        if (rising < 0.6 * (_recent.Count - 1)) return;
        _reported.Add("explosion/growth");
        var firstLayers = first.Layers.ToDictionary(l => l.Key, l => l.Value.GradNorm);
        var layer = WorstLayer(r, (name, s) => firstLayers.TryGetValue(name, out var f) && f > 0 ? s.GradNorm / f : 0);
        var at = layer is null ? "" : $", fastest in {layer}";
        var message = $"gradient norm grew {Num(growth)}x over steps {first.Step}-{r.Step} ({rising} of {_recent.Count - 1} " +
            $"steps rising{at})";
        events.AddRange(Raise("explosion", layer, first.Step, message, Fix(first.Step), growth, once: false));
    }

    /// <summary>
    /// A layer's gradients vanish when they fall below <see cref="DiagnosisOptions.VanishingRatio"/> of their peak and
    /// below their value at the first step: during an explosion the peak is huge, and a norm that is merely back from
    /// 1e15 to 1e11 has not vanished.
    /// </summary>
    private void CheckVanishing(StepRecord r, List<RunEvent> events)
    {
        if (r.Step < 10) return;
        foreach (var (name, s) in r.Layers)
        {
            if (!_layerPeaks.TryGetValue(name, out var peak) || !(peak > 0) || !double.IsFinite(s.GradNorm)) continue;
            if (s.GradNorm >= _options.VanishingRatio * peak || s.GradNorm >= _layerFirst[name]) continue;
            var message = $"gradients in {name} collapsed to {Num(s.GradNorm)} at step {r.Step}, below {Num(_options.VanishingRatio)} of " +
                $"their peak {Num(peak)}";
            events.AddRange(Raise("vanishing", name, r.Step, message, Remedies.Vanishing, s.GradNorm / peak));
        }
    }

    private void CheckStuck(StepRecord r, List<RunEvent> events)
    {
        if (r.Step < _options.StuckFrom || _options.Classes < 2 || _losses.Count < 5) return;
        var chance = Math.Log(_options.Classes);
        var mean = _losses.Mean;
        if (Math.Abs(mean - chance) > _options.StuckTolerance) return;
        var message = $"the loss is stuck at {Num(mean)} nats, chance level ln({_options.Classes}) = {Num(chance)}, at step {r.Step}";
        events.AddRange(Raise("stuck_loss", null, r.Step, message, Remedies.StuckLoss, mean));
    }

    private List<RunEvent> Raise(string name, string? layer, long step, string message, string fix, double value, bool once = true)
    {
        var key = name + "/" + layer;
        var first = _reported.Add(key);
        if (first) _findings.Add(new Finding(name, layer, step, message, fix));
        return first || !once ? [new RunEvent(step, EventKind.Diagnosis, name, layer, message, value)] : [];
    }

    private string Fix(long step) => step < _options.EarlySteps ? Remedies.EarlyExplosion : Remedies.LateExplosion;

    private static string? WorstLayer(StepRecord r, Func<string, LayerStats, double> score) =>
        r.Layers.Count == 0 ? null : r.Layers.MaxBy(l => double.IsFinite(score(l.Key, l.Value)) ? score(l.Key, l.Value) : 0).Key;

    private static string Num(double x) => x.ToString("G3", CultureInfo.InvariantCulture);

    private static string Percent(double x) => (100 * x).ToString("F0", CultureInfo.InvariantCulture) + "%";
}
