using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Ramp.Training.Monitoring;

/// <summary>
/// Measures every step on the device and copies the numbers to the host in batches: each step adds one float64
/// vector <c>[loss, correct, clipped, g_1..g_L, u_1..u_L, b_1..b_L, a_1..a_L]</c> (per layer: squared gradient,
/// update, weight-before and weight-after norms) to a pending list, and <see cref="ReadBack"/> stacks the list and
/// copies it in one transfer. Layers are the modules owning parameters, named by the parameter path without its
/// last part (<c>fc1.weight</c> belongs to <c>fc1</c>).
/// </summary>
public sealed class StepMonitor : IDisposable
{
    private readonly (int Layer, Parameter Parameter)[] _parameters;
    private readonly List<Tensor> _pending = [];
    private Tensor[]? _before;

    /// <summary>Monitors the trainable parameters of <paramref name="model"/>.</summary>
    public StepMonitor(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = new List<string>();
        var parameters = new List<(int, Parameter)>();
        foreach (var (name, p) in model.named_parameters())
        {
            if (!p.requires_grad) continue;
            var dot = name.LastIndexOf('.');
            var layer = dot < 0 ? name : name[..dot];
            if (layers.Count == 0 || layers[^1] != layer) layers.Add(layer);
            parameters.Add((layers.Count - 1, p));
        }
        Layers = layers;
        _parameters = [.. parameters];
    }

    /// <summary>Layer names in model order.</summary>
    public IReadOnlyList<string> Layers { get; }

    /// <summary>The trainable parameters, in model order.</summary>
    public IEnumerable<Parameter> Parameters => _parameters.Select(p => p.Parameter);

    /// <summary>The layer index of each trainable parameter, in the order of <see cref="Parameters"/>.</summary>
    public IEnumerable<int> LayerOfParameter => _parameters.Select(p => p.Layer);

    /// <summary>Steps measured but not read back yet.</summary>
    public int Pending => _pending.Count;

    /// <summary>Per-layer squared gradient norms (float64, length L), before guards; missing gradients count as 0.</summary>
    public Tensor GradSquares() => PerLayer(p => p.grad is { } g ? g.detach().to(float64).square().sum() : null);

    /// <summary>Remembers the weights before the optimizer step, to measure the update.</summary>
    public void BeforeUpdate()
    {
        using var _ = no_grad();
        DisposeBefore();
        _before = _parameters.Select(p => p.Parameter.detach().clone().DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Adds the step's vector after the optimizer step (or after a skipped one).</summary>
    public void Record(Tensor loss, Tensor? correct, Tensor clipped, Tensor gradSquares)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var i = 0;
        var update = PerLayer(p => (p.detach() - _before![i++]).to(float64).square().sum());
        i = 0;
        var before = PerLayer(p => _before![i++].to(float64).square().sum());
        var after = PerLayer(p => p.detach().to(float64).square().sum());
        var head = stack([loss.detach().to(float64).reshape(), (correct ?? zeros(1)).to(float64).reshape(), clipped.to(float64).reshape()]);
        _pending.Add(cat([head, gradSquares.to(float64), update, before, after]).DetachFromDisposeScope());
        DisposeBefore();
    }

    /// <summary>Copies all pending vectors to the host in one transfer and clears them.</summary>
    public double[][] ReadBack()
    {
        if (_pending.Count == 0) return [];
        using var all = stack(_pending).cpu();
        var width = (int)all.shape[1];
        var flat = all.data<double>().ToArray();
        Discard();
        return Enumerable.Range(0, flat.Length / width).Select(r => flat.AsSpan(r * width, width).ToArray()).ToArray();
    }

    /// <summary>Drops the pending vectors without reading them (after a roll-back).</summary>
    public void Discard()
    {
        foreach (var t in _pending) t.Dispose();
        _pending.Clear();
    }

    /// <summary>Turns one read-back vector into layer statistics and the global norms.</summary>
    public (double GradNorm, double UpdateRatio, double WeightNorm, KeyValuePair<string, LayerStats>[] Layers) Decode(double[] v)
    {
        var n = Layers.Count;
        double Sum(int offset) { var s = 0.0; for (var l = 0; l < n; l++) s += v[offset + l]; return s; }
        var layers = new KeyValuePair<string, LayerStats>[n];
        for (var l = 0; l < n; l++)
            layers[l] = new(Layers[l], new LayerStats(Math.Sqrt(v[3 + l]), Math.Sqrt(v[3 + n + l]) / Math.Sqrt(v[3 + 2 * n + l]), Math.Sqrt(v[3 + 3 * n + l])));
        return (Math.Sqrt(Sum(3)), Math.Sqrt(Sum(3 + n)) / Math.Sqrt(Sum(3 + 2 * n)), Math.Sqrt(Sum(3 + 3 * n)), layers);
    }

    private Tensor PerLayer(Func<Parameter, Tensor?> square)
    {
        var sums = new Tensor?[Layers.Count];
        foreach (var (layer, p) in _parameters)
        {
            var s = square(p);
            if (s is null) continue;
            sums[layer] = sums[layer] is { } acc ? acc + s : s;
        }
        return stack(sums.Select(s => s ?? zeros(1, dtype: float64).reshape()));
    }

    private void DisposeBefore()
    {
        if (_before is null) return;
        foreach (var t in _before) t.Dispose();
        _before = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Discard();
        DisposeBefore();
    }
}
