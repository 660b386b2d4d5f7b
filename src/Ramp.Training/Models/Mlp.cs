using Ramp.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Models;

/// <summary>
/// A multilayer perceptron for flattened images: Linear + ReLU per hidden layer, then a linear output.
/// Default 784-256-256-10 (Fashion-MNIST). Layers are named <c>fc1</c>, <c>fc2</c>, ... and <c>out</c>, so
/// parameters read <c>fc1.weight</c>, <c>out.bias</c>.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly List<nn.Module<Tensor, Tensor>> _hidden = [];
    private readonly List<nn.Module<Tensor, Tensor>> _relus = [];
    private readonly nn.Module<Tensor, Tensor> _out;

    /// <summary>Builds the network with PyTorch's default initialisation, drawn after <c>manual_seed(seed)</c>.</summary>
    /// <param name="inputs">Input features (an image is flattened), &gt; 0.</param>
    /// <param name="hidden">Widths of the hidden layers (default 256, 256); each &gt; 0.</param>
    /// <param name="classes">Output logits, &gt; 0.</param>
    /// <param name="seed">Seed for torch's global generator; the same seed gives the same weights.</param>
    public Mlp(int inputs = 784, IReadOnlyList<int>? hidden = null, int classes = 10, long seed = 0) : base("mlp")
    {
        hidden ??= [256, 256];
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (hidden.Any(w => w <= 0)) throw new RampArgumentException(nameof(hidden), string.Join(",", hidden),
            "hidden widths must be positive");
        random.manual_seed(seed);
        int width = inputs;
        for (int i = 0; i < hidden.Count; i++)
        {
            var layer = nn.Linear(width, hidden[i]);
            register_module($"fc{i + 1}", layer);
            _hidden.Add(layer);
            var relu = nn.ReLU();
            register_module($"relu{i + 1}", relu); // a module, not the function, so monitors can hook it (dead units)
            _relus.Add(relu);
            width = hidden[i];
        }
        _out = nn.Linear(width, classes);
        register_module("out", _out);
    }

    /// <summary>Logits [n, classes] for inputs of any shape [n, ...] with <c>inputs</c> values per example.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.flatten(1);
        for (var i = 0; i < _hidden.Count; i++) x = _relus[i].call(_hidden[i].call(x));
        return _out.call(x).MoveToOuterDisposeScope();
    }
}
