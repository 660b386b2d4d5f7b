using Ramp.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Models;

/// <summary>
/// A deep MLP without normalisation, the classic case where warmup and initial scale decide whether training
/// starts: <c>Depth</c> hidden layers <c>fc1..fcDepth</c> of <c>Width</c> units with ReLU, then <c>out</c>.
/// Weights are drawn from N(0, (InitScale / sqrt(fan_in))^2), biases are zero: InitScale sqrt(2) is He
/// initialisation (activations keep their size through ReLU layers), larger values make them grow with depth.
/// </summary>
public sealed class DeepMlp : nn.Module<Tensor, Tensor>
{
    private readonly List<nn.Module<Tensor, Tensor>> _hidden = [];
    private readonly List<nn.Module<Tensor, Tensor>> _relus = [];
    private readonly nn.Module<Tensor, Tensor> _out;

    /// <summary>Builds the network; the same seed gives the same weights.</summary>
    /// <param name="depth">Hidden layers, &gt;= 1 (default 8).</param>
    /// <param name="width">Units per hidden layer, &gt; 0 (default 256).</param>
    /// <param name="initScale">Gain of the weight initialisation, &gt; 0 (default sqrt(2), He).</param>
    /// <param name="inputs">Input features (default 784).</param>
    /// <param name="classes">Output logits (default 10).</param>
    /// <param name="seed">Seed for torch's global generator.</param>
    public DeepMlp(int depth = 8, int width = 256, double initScale = 1.4142135623730951, int inputs = 784, int classes = 10, long seed = 0)
        : base("deep_mlp")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (!(initScale > 0) || double.IsInfinity(initScale))
            throw new RampArgumentException(nameof(initScale), initScale, "init scale must be a positive finite number");
        random.manual_seed(seed);
        int fanIn = inputs;
        for (int i = 0; i < depth; i++)
        {
            var layer = Initialised(fanIn, width, initScale);
            register_module($"fc{i + 1}", layer);
            _hidden.Add(layer);
            var relu = nn.ReLU();
            register_module($"relu{i + 1}", relu); // a module, not the function, so monitors can hook it (dead units)
            _relus.Add(relu);
            fanIn = width;
        }
        register_module("out", _out = Initialised(fanIn, classes, 1.0));
        Depth = depth;
        InitScale = initScale;
    }

    /// <summary>Number of hidden layers.</summary>
    public int Depth { get; }

    /// <summary>The initialisation gain.</summary>
    public double InitScale { get; }

    /// <summary>Logits [n, classes] for inputs [n, ...].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.flatten(1);
        for (var i = 0; i < _hidden.Count; i++) x = _relus[i].call(_hidden[i].call(x));
        return _out.call(x).MoveToOuterDisposeScope();
    }

    private static TorchSharp.Modules.Linear Initialised(int fanIn, int fanOut, double gain)
    {
        var layer = nn.Linear(fanIn, fanOut);
        using (no_grad())
        {
            layer.weight!.normal_(0, gain / Math.Sqrt(fanIn));
            layer.bias!.zero_();
        }
        return layer;
    }
}
