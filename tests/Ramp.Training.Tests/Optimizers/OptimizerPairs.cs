using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Ours = Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

/// <summary>
/// TorchSharp's optimizer and Ramp's race-free copy of it with the same settings, over two identical models, plus the
/// fixed batches both train on.
/// </summary>
internal static class OptimizerPairs
{
    public static TheoryData<string> Cases() =>
    [
        "sgd", "sgd-momentum", "sgd-nesterov-wd", "sgd-dampening-maximize",
        "adam", "adam-wd-amsgrad", "adam-maximize", "adamw", "adamw-wd-amsgrad",
        "rmsprop", "rmsprop-momentum-wd", "rmsprop-centered-momentum", "rmsprop-centered-maximize",
    ];

    public static (optim.Optimizer Torch, optim.Optimizer Ramp) Create(string name, IEnumerable<Parameter> a, IEnumerable<Parameter> b) =>
        name switch
        {
            "sgd" => (optim.SGD(a, 0.05), new Ours.SGD(b, 0.05)),
            "sgd-momentum" => (optim.SGD(a, 0.05, momentum: 0.9), new Ours.SGD(b, 0.05, momentum: 0.9)),
            "sgd-nesterov-wd" => (optim.SGD(a, 0.05, 0.9, weight_decay: 0.01, nesterov: true),
                new Ours.SGD(b, 0.05, 0.9, weightDecay: 0.01, nesterov: true)),
            "sgd-dampening-maximize" => (optim.SGD(a, 0.02, 0.8, dampening: 0.3, weight_decay: 0.1, maximize: true),
                new Ours.SGD(b, 0.02, 0.8, dampening: 0.3, weightDecay: 0.1, maximize: true)),
            "adam" => (optim.Adam(a, 0.01), new Ours.Adam(b, 0.01)),
            "adam-wd-amsgrad" => (optim.Adam(a, 0.02, 0.8, 0.95, 1e-6, weight_decay: 0.05, amsgrad: true),
                new Ours.Adam(b, 0.02, 0.8, 0.95, 1e-6, weightDecay: 0.05, amsgrad: true)),
            "adam-maximize" => (optim.Adam(a, 0.01, maximize: true), new Ours.Adam(b, 0.01, maximize: true)),
            "adamw" => (optim.AdamW(a, 0.01, weight_decay: 0.01), new Ours.AdamW(b, 0.01, weightDecay: 0.01)),
            "adamw-wd-amsgrad" => (optim.AdamW(a, 0.02, 0.85, 0.99, 1e-7, weight_decay: 0.3, amsgrad: true),
                new Ours.AdamW(b, 0.02, 0.85, 0.99, 1e-7, weightDecay: 0.3, amsgrad: true)),
            "rmsprop" => (optim.RMSProp(a, 0.01), new Ours.RMSProp(b, 0.01)),
            "rmsprop-momentum-wd" => (optim.RMSProp(a, 0.005, 0.9, weight_decay: 0.01, momentum: 0.9),
                new Ours.RMSProp(b, 0.005, 0.9, weightDecay: 0.01, momentum: 0.9)),
            "rmsprop-centered-momentum" => (optim.RMSProp(a, 0.005, momentum: 0.5, centered: true),
                new Ours.RMSProp(b, 0.005, momentum: 0.5, centered: true)),
            "rmsprop-centered-maximize" => (optim.RMSProp(a, 0.001, 0.95, 1e-6, centered: true, maximize: true),
                new Ours.RMSProp(b, 0.001, 0.95, 1e-6, centered: true, maximize: true)),
            _ => throw new ArgumentException(name, nameof(name)),
        };

    /// <summary>A small MLP with a seeded initialisation, plus a parameter no loss uses (its gradient stays null).</summary>
    public static (nn.Module<Tensor, Tensor> Model, Parameter[] Parameters) Model()
    {
        manual_seed(3);
        var model = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 2));
        var unused = new Parameter(ones(3));
        return (model, [.. model.parameters(), unused]);
    }

    /// <summary><paramref name="count"/> fixed regression batches (16 rows of 5 inputs, 2 targets).</summary>
    public static (Tensor X, Tensor Y)[] Batches(int count)
    {
        manual_seed(11);
        return Enumerable.Range(0, count).Select(_ => (randn(16, 5), randn(16, 2))).ToArray();
    }

    /// <summary>One forward/backward/step on a batch (mean squared error).</summary>
    public static void Step(optim.Optimizer optimizer, nn.Module<Tensor, Tensor> model, (Tensor X, Tensor Y) batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.mse_loss(model.call(batch.X), batch.Y).backward();
        optimizer.step();
    }

    /// <summary>Every parameter's values, flattened in order.</summary>
    public static float[] Values(IEnumerable<Parameter> parameters) =>
        parameters.SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();
}
