using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Models;

/// <summary>
/// A small convolutional network for 28x28 greyscale images: <c>conv1</c> (1-&gt;16, 3x3) and <c>conv2</c>
/// (16-&gt;32, 3x3), each with ReLU and 2x2 max-pooling, then <c>fc1</c> (1568-&gt;128, ReLU) and <c>out</c>
/// (128-&gt;classes). About 220k parameters.
/// </summary>
public sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _conv1, _conv2, _fc1, _out;
    // Modules, not the function, so monitors can hook them (dead units): relu1 after conv1, relu2 after conv2, relu3 after fc1.
    private readonly nn.Module<Tensor, Tensor> _relu1 = nn.ReLU(), _relu2 = nn.ReLU(), _relu3 = nn.ReLU();

    /// <summary>Builds the network with PyTorch's default initialisation, drawn after <c>manual_seed(seed)</c>.</summary>
    /// <param name="classes">Output logits, &gt; 0.</param>
    /// <param name="seed">Seed for torch's global generator.</param>
    public SmallCnn(int classes = 10, long seed = 0) : base("small_cnn")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        random.manual_seed(seed);
        register_module("conv1", _conv1 = nn.Conv2d(1, 16, 3, padding: 1));
        register_module("conv2", _conv2 = nn.Conv2d(16, 32, 3, padding: 1));
        register_module("fc1", _fc1 = nn.Linear(32 * 7 * 7, 128));
        register_module("out", _out = nn.Linear(128, classes));
        register_module("relu1", _relu1);
        register_module("relu2", _relu2);
        register_module("relu3", _relu3);
    }

    /// <summary>Logits [n, classes] for images [n, 1, 28, 28].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.max_pool2d(_relu1.call(_conv1.call(input)), 2);
        x = nn.functional.max_pool2d(_relu2.call(_conv2.call(x)), 2);
        x = _relu3.call(_fc1.call(x.flatten(1)));
        return _out.call(x).MoveToOuterDisposeScope();
    }
}
