using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Ours = Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Binding;

/// <summary>Two-group optimizers of every kind the binder must drive (group base rates 0.1 and 0.01).</summary>
internal static class Optimizers
{
    public static readonly double[] BaseLrs = [0.1, 0.01];

    public static IEnumerable<object[]> Names() =>
        new[] { "SGD", "Adam", "AdamW", "RMSProp", "RAdam", "RectifiedAdam", "Adagrad", "Adamax", "NAdam",
            "Ramp.SGD", "Ramp.Adam", "Ramp.AdamW", "Ramp.RMSProp" }.Select(n => new object[] { n });

    public static (optim.Optimizer Optimizer, nn.Module<Tensor, Tensor> Model) Create(string name)
    {
        manual_seed(1);
        var model = nn.Sequential(("first", nn.Linear(4, 3)), ("second", nn.Linear(3, 1)));
        var a = model.named_parameters().Where(p => p.name.StartsWith("first")).Select(p => p.parameter).ToArray();
        var b = model.named_parameters().Where(p => p.name.StartsWith("second")).Select(p => p.parameter).ToArray();
        optim.Optimizer optimizer = name switch
        {
            "SGD" => optim.SGD([new SGD.ParamGroup(a, new SGD.Options { LearningRate = 0.1, momentum = 0.9 }),
                new SGD.ParamGroup(b, new SGD.Options { LearningRate = 0.01, momentum = 0.9 })], 0.1),
            "Adam" => optim.Adam([new Adam.ParamGroup(a, new Adam.Options { LearningRate = 0.1 }),
                new Adam.ParamGroup(b, new Adam.Options { LearningRate = 0.01 })], 0.1),
            "AdamW" => optim.AdamW([new AdamW.ParamGroup(a, new AdamW.Options { LearningRate = 0.1 }),
                new AdamW.ParamGroup(b, new AdamW.Options { LearningRate = 0.01 })], 0.1),
            "RMSProp" => optim.RMSProp([new RMSProp.ParamGroup(a, new RMSProp.Options { LearningRate = 0.1 }),
                new RMSProp.ParamGroup(b, new RMSProp.Options { LearningRate = 0.01 })], 0.1),
            "RAdam" => optim.RAdam([new RAdam.ParamGroup(a, new RAdam.Options { LearningRate = 0.1 }),
                new RAdam.ParamGroup(b, new RAdam.Options { LearningRate = 0.01 })], 0.1),
            "RectifiedAdam" => new Ours.RectifiedAdam([new RAdam.ParamGroup(a, new RAdam.Options { LearningRate = 0.1 }),
                new RAdam.ParamGroup(b, new RAdam.Options { LearningRate = 0.01 })], 0.1),
            "Adagrad" => optim.Adagrad([new Adagrad.ParamGroup(a, new Adagrad.Options { LearningRate = 0.1 }),
                new Adagrad.ParamGroup(b, new Adagrad.Options { LearningRate = 0.01 })], 0.1),
            "Adamax" => optim.Adamax([new Adamax.ParamGroup(a, new Adamax.Options { LearningRate = 0.1 }),
                new Adamax.ParamGroup(b, new Adamax.Options { LearningRate = 0.01 })], 0.1),
            "NAdam" => optim.NAdam([new NAdam.ParamGroup(a, new NAdam.Options { LearningRate = 0.1 }),
                new NAdam.ParamGroup(b, new NAdam.Options { LearningRate = 0.01 })], 0.1),
            "Ramp.SGD" => new Ours.SGD([new SGD.ParamGroup(a, new SGD.Options { LearningRate = 0.1, momentum = 0.9 }),
                new SGD.ParamGroup(b, new SGD.Options { LearningRate = 0.01, momentum = 0.9 })], 0.1),
            "Ramp.Adam" => new Ours.Adam([new Adam.ParamGroup(a, new Adam.Options { LearningRate = 0.1 }),
                new Adam.ParamGroup(b, new Adam.Options { LearningRate = 0.01 })], 0.1),
            "Ramp.AdamW" => new Ours.AdamW([new AdamW.ParamGroup(a, new AdamW.Options { LearningRate = 0.1 }),
                new AdamW.ParamGroup(b, new AdamW.Options { LearningRate = 0.01 })], 0.1),
            "Ramp.RMSProp" => new Ours.RMSProp([new RMSProp.ParamGroup(a, new RMSProp.Options { LearningRate = 0.1 }),
                new RMSProp.ParamGroup(b, new RMSProp.Options { LearningRate = 0.01 })], 0.1),
            _ => throw new ArgumentException(name),
        };
        return (optimizer, model);
    }

    /// <summary>One real forward/backward/step on a fixed batch.</summary>
    public static void TrainStep(optim.Optimizer optimizer, nn.Module<Tensor, Tensor> model)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var x = ones(8, 4);
        var loss = model.call(x).pow(2).mean();
        loss.backward();
        optimizer.step();
    }
}
