using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Ramp.Training.Monitoring;

/// <summary>
/// Measures steps on the device and copies the numbers to the host in batches. Every step adds a small vector
/// (loss, accuracy, clipped flag and one gradient norm per parameter); a detail step (<see cref="BeginStep"/>)
/// adds the update, weight-before and weight-after norms per parameter and the dead-unit fraction of each ReLU
/// module. <see cref="ReadBack"/> stacks what is pending and copies it in one transfer; <see cref="Decode"/> sums
/// parameters into layers on the host. Layers are the modules owning parameters, named by the parameter path
/// without its last part (<c>fc1.weight</c> belongs to <c>fc1</c>).
/// </summary>
/// <remarks>
/// The per-step cost is one fused norm per parameter and two stacks: on a small model the number of torch calls,
/// not the arithmetic, is the cost, so everything else (squares, sums per layer, ratios) is done on the host.
/// Norms are <c>Tensor.norm()</c>, not <c>linalg.vector_norm</c>, and no call takes a bare number: TorchSharp wraps
/// numbers in temporary <c>Scalar</c> objects that a garbage collection on another thread can free while libtorch
/// still reads them ("Unknown scalar type"; docs/native-libs.md).
/// </remarks>
public sealed class StepMonitor : IDisposable
{
    private readonly (int Layer, Parameter Parameter)[] _parameters;
    private readonly int[] _layerOfParameter;
    private readonly List<Tensor> _heads = [];
    private readonly Dictionary<int, Tensor> _details = [];
    private readonly ReluProbes _probes;
    private Tensor[]? _before;
    private Tensor? _zero;
    private bool _detail, _haveBefore;

    /// <summary>Monitors the trainable parameters and the ReLU modules of <paramref name="model"/>.</summary>
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
        _layerOfParameter = [.. _parameters.Select(p => p.Layer)];
        _probes = new ReluProbes(model);
    }

    /// <summary>Layer names in model order.</summary>
    public IReadOnlyList<string> Layers { get; }

    /// <summary>Names of the ReLU modules whose dead-unit fraction is measured on detail steps.</summary>
    public IReadOnlyList<string> Relus => _probes.Names;

    /// <summary>The trainable parameters, in model order.</summary>
    public IEnumerable<Parameter> Parameters => _parameters.Select(p => p.Parameter);

    /// <summary>The layer index of each trainable parameter, in the order of <see cref="Parameters"/>.</summary>
    public IReadOnlyList<int> LayerOfParameter => _layerOfParameter;

    /// <summary>Steps measured but not read back yet.</summary>
    public int Pending => _heads.Count;

    /// <summary>
    /// Starts a step, before its forward pass: with <paramref name="detail"/> the step also measures update and
    /// weight norms and (during the forward pass) dead ReLU units.
    /// </summary>
    public void BeginStep(bool detail)
    {
        _detail = detail;
        _probes.Armed = detail;
        _haveBefore = false;
    }

    /// <summary>Gradient norm of each trainable parameter (a vector of length P, before guards; 0 without a gradient).</summary>
    public Tensor GradNorms()
    {
        var norms = new Tensor[_parameters.Length];
        for (var i = 0; i < norms.Length; i++)
            norms[i] = _parameters[i].Parameter.grad is { } g ? g.norm() : zeros(1, dtype: _parameters[i].Parameter.dtype,
                device: _parameters[i].Parameter.device).reshape();
        return stack(norms);
    }

    /// <summary>The global gradient norm from <see cref="GradNorms"/> (the norm of the per-parameter norms).</summary>
    public static Tensor GlobalNorm(Tensor gradNorms) => gradNorms.norm();

    /// <summary>Remembers the weights before the optimizer step, on detail steps, to measure the update.</summary>
    public void BeforeUpdate()
    {
        _probes.Armed = false;
        _haveBefore = true;
        if (!_detail) return;
        using var _ = no_grad();
        // Persistent buffers, overwritten in place: a fresh clone per step costs an allocation the size of the model.
        _before ??= _parameters.Select(p => p.Parameter.detach().clone().DetachFromDisposeScope()).ToArray();
        for (var i = 0; i < _before.Length; i++) _before[i].copy_(_parameters[i].Parameter);
    }

    /// <summary>Adds the step's numbers after the optimizer step (or after a skipped one).</summary>
    /// <param name="loss">The batch loss (a scalar).</param>
    /// <param name="correct">The batch accuracy (a scalar), or null when not measured.</param>
    /// <param name="clipped">Whether a guard rescaled gradients (a scalar), or null when no guard can.</param>
    /// <param name="gradNorms">What <see cref="GradNorms"/> returned for this step.</param>
    /// <param name="extra">Scalars appended after the gradient norms (the device guards' decisions), or null.</param>
    public void Record(Tensor loss, Tensor? correct, Tensor? clipped, Tensor gradNorms, IReadOnlyList<Tensor>? extra = null)
    {
        if (!_haveBefore) throw new InvalidOperationException("monitor: Record needs BeforeUpdate first");
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var dtype = gradNorms.dtype;
        var zero = Zero(gradNorms);
        // Under no_grad nothing is recorded for autograd, so the inputs need no detach (each call costs a microsecond).
        Tensor As(Tensor? t) => t is null ? zero : t.dtype == dtype ? t : t.to(dtype);
        var head = stack([As(loss), As(correct), As(clipped)]);
        _heads.Add((extra is { Count: > 0 } ? cat([head, gradNorms, stack(extra.Select(As).ToArray())]) : cat([head, gradNorms]))
            .DetachFromDisposeScope());
        if (_detail) _details[_heads.Count - 1] = DetailVector(dtype, gradNorms.device).DetachFromDisposeScope();
        _haveBefore = false;
        _detail = false;
    }

    private Tensor DetailVector(ScalarType dtype, Device device)
    {
        var n = _parameters.Length;
        var norms = new Tensor[3 * n];
        for (var i = 0; i < n; i++)
        {
            var p = _parameters[i].Parameter.detach();
            norms[n + i] = _before![i].norm();
            norms[2 * n + i] = p.norm();
            norms[i] = _before[i].sub_(p).norm(); // the buffer is refilled by the next BeforeUpdate
        }
        return cat([stack(norms).to(dtype), _probes.Take(dtype, device)]);
    }

    /// <summary>Copies all pending steps to the host in one transfer (two with detail steps) and clears them.</summary>
    public MonitoredStep[] ReadBack()
    {
        if (_heads.Count == 0) return [];
        var heads = Rows(_heads);
        var keys = _details.Keys.Order().ToArray();
        var details = keys.Length == 0 ? [] : Rows(keys.Select(k => _details[k]).ToList());
        var byStep = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => details[p.i]);
        Discard();
        return heads.Select((h, i) => new MonitoredStep(h, byStep.GetValueOrDefault(i))).ToArray();
    }

    /// <summary>Drops the pending steps without reading them (after a roll-back).</summary>
    public void Discard()
    {
        foreach (var t in _heads) t.Dispose();
        foreach (var t in _details.Values) t.Dispose();
        _heads.Clear();
        _details.Clear();
    }

    /// <summary>Turns one read-back step into layer statistics and the global norms (see <see cref="StepDecoding"/>).</summary>
    public StepReading Decode(MonitoredStep step) =>
        StepDecoding.Decode(step, Layers, _layerOfParameter, _probes.Names);

    private static double[][] Rows(List<Tensor> vectors)
    {
        using var all = stack(vectors).to(float64).cpu();
        var width = (int)all.shape[1];
        var flat = all.data<double>().ToArray();
        return Enumerable.Range(0, flat.Length / width).Select(r => flat.AsSpan(r * width, width).ToArray()).ToArray();
    }

    private Tensor Zero(Tensor like)
    {
        if (_zero is null || _zero.dtype != like.dtype || _zero.device_type != like.device_type || _zero.device_index != like.device_index)
        {
            _zero?.Dispose();
            _zero = zeros(1, dtype: like.dtype, device: like.device).reshape().DetachFromDisposeScope();
        }
        return _zero;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Discard();
        if (_before is not null) foreach (var t in _before) t.Dispose();
        _before = null;
        _zero?.Dispose();
        _probes.Dispose();
    }
}
