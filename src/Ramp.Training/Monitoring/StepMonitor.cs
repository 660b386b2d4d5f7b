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
    private bool _haveBefore;
    private Tensor? _layerIndex;

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
    public Tensor GradSquares()
    {
        var norms = new Tensor[_parameters.Length];
        for (var i = 0; i < norms.Length; i++)
            norms[i] = _parameters[i].Parameter.grad is { } g ? linalg.vector_norm(g.detach()) : zeros(1, device: ParameterDevice()).reshape();
        return PerLayer(norms, 1).reshape(-1);
    }

    /// <summary>Remembers the weights before the optimizer step, to measure the update.</summary>
    public void BeforeUpdate()
    {
        using var _ = no_grad();
        // Persistent buffers, overwritten in place: a fresh clone per step costs an allocation the size of the model.
        _before ??= _parameters.Select(p => p.Parameter.detach().clone().DetachFromDisposeScope()).ToArray();
        for (var i = 0; i < _before.Length; i++) _before[i].copy_(_parameters[i].Parameter);
        _haveBefore = true;
    }

    /// <summary>Adds the step's vector after the optimizer step (or after a skipped one).</summary>
    public void Record(Tensor loss, Tensor? correct, Tensor clipped, Tensor gradSquares)
    {
        if (!_haveBefore) throw new InvalidOperationException("monitor: Record needs BeforeUpdate first");
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var n = _parameters.Length;
        var norms = new Tensor[3 * n];
        for (var i = 0; i < n; i++)
        {
            var p = _parameters[i].Parameter.detach();
            norms[n + i] = linalg.vector_norm(_before![i]);
            norms[2 * n + i] = linalg.vector_norm(p);
            norms[i] = linalg.vector_norm(_before[i].sub_(p)); // the buffer is refilled by the next BeforeUpdate
        }
        var stats = PerLayer(norms, 3).reshape(-1); // [update(L), before(L), after(L)]
        var head = stack([loss.detach().to(float64).reshape(), (correct ?? zeros(1)).to(float64).reshape(), clipped.to(float64).reshape()]);
        _pending.Add(cat([head, gradSquares.to(float64), stats]).DetachFromDisposeScope());
        _haveBefore = false;
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

    /// <summary>
    /// Sums squared per-parameter norms into layers: <paramref name="norms"/> holds <paramref name="rows"/> groups of
    /// one float32 norm per parameter; the result is [rows, L] float64. One stack and one index_add instead of an
    /// addition per parameter: on a small model the number of torch calls, not the arithmetic, is the cost.
    /// </summary>
    private Tensor PerLayer(Tensor[] norms, int rows)
    {
        var squares = stack(norms).to(float64).square().reshape(rows, _parameters.Length);
        _layerIndex ??= tensor(_parameters.Select(p => (long)p.Layer).ToArray(), device: squares.device).DetachFromDisposeScope();
        return zeros(rows, Layers.Count, dtype: float64, device: squares.device).index_add_(1, _layerIndex, squares, 1.0);
    }

    private Device ParameterDevice() => _parameters.Length == 0 ? CPU : _parameters[0].Parameter.device;

    private void DisposeBefore()
    {
        if (_before is null) return;
        foreach (var t in _before) t.Dispose();
        _before = null;
        _haveBefore = false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Discard();
        DisposeBefore();
        _layerIndex?.Dispose();
    }
}
