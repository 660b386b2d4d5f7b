using System.Text.Json;
using Ramp.Runs;
using Ramp.Training.Data;
using System.IO.Compression;
using Ramp.Schedules;
using Ramp.Training.Guards;
using Ramp.Training.Loop;
using Ramp.Training.Monitoring;
using TorchSharp;
using TorchSharp.Modules;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Loop;

/// <summary>Small Fashion-MNIST runs for loop tests: the first images of the shipped IDX files and a small MLP.</summary>
internal static class TinyRuns
{
    // One thread: the test machine is shared, and oversubscribed torch threads spin for hundreds of ms a step.
    private static readonly Lazy<(TensorData Train, TensorData Test)> Data = new(() =>
    {
        torch.set_num_threads(1);
        return (Load("train", 2048), Load("t10k", 512));
    });

    public static TensorData Train => Data.Value.Train;
    public static TensorData Test => Data.Value.Test;

    // The shipped subset through the one loader (the Ramp.Data assembly), not a path into the source tree.
    private static TensorData Load(string split, int n)
    {
        var images = ReadIdx($"fashion-{split}-images-idx3-ubyte.gz", 16, n * 784);
        var labels = ReadIdx($"fashion-{split}-labels-idx1-ubyte.gz", 8, n);
        var x = tensor(images.Select(b => b / 255f).ToArray()).reshape(n, 784);
        var y = tensor(labels.Select(b => (long)b).ToArray());
        return new TensorData(x.DetachFromDisposeScope(), y.DetachFromDisposeScope(), classes: 10);
    }

    private static byte[] ReadIdx(string name, int header, int count)
    {
        using var gz = new GZipStream(new MemoryStream(ShippedData.Read(name)), CompressionMode.Decompress);
        var buffer = new byte[header + count];
        gz.ReadExactly(buffer);
        return buffer[header..];
    }

    public static nn.Module<Tensor, Tensor> Mlp(int seed, int hidden = 64, int depth = 1)
    {
        torch.manual_seed(seed);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("fc0", nn.Linear(784, hidden)), ("relu0", nn.ReLU()) };
        for (var i = 1; i < depth; i++) { layers.Add(($"fc{i}", nn.Linear(hidden, hidden))); layers.Add(($"relu{i}", nn.ReLU())); }
        layers.Add(("out", nn.Linear(hidden, 10)));
        return nn.Sequential(layers);
    }

    public static RunConfig Config(long steps, double lr, GuardOptions? guards = null, int readBack = 4, int checkpointEvery = 0,
        string optimizer = "sgd", int seed = 1, int batch = 64, int detailEvery = 25) =>
        new(ModelName.Mlp, "fashion-mnist", null, optimizer, lr, "constant()", steps, null, batch, seed, "cpu",
            RunJson.ToElement(guards ?? GuardOptions.None), RunJson.ToElement(new MonitorOptions(readBack, TensorBoard: false, DetailEvery: detailEvery)),
            checkpointEvery, 0);

    // The tests describe a run by its recorded configuration; the trainer takes the guard and monitor options as objects.
    private static TrainerOptions Options(RunConfig config, string dir, bool resume, TrainingHooks? hooks) => new(config, dir, resume)
    {
        Hooks = hooks ?? TrainingHooks.None,
        Guards = config.Guards?.Deserialize<GuardOptions>(RunJson.Line) ?? GuardOptions.None,
        Monitor = config.Monitor?.Deserialize<MonitorOptions>(RunJson.Line) ?? new MonitorOptions(),
    };

    /// <summary>A run of <see cref="Mlp"/> with SGD, or the optimizer <paramref name="optimizer"/> makes; <paramref name="after"/>
    /// sees the model and optimizer when the run has returned.</summary>
    public static TrainResult Run(string dir, RunConfig config, Schedule factor, double momentum = 0, bool resume = false, TrainingHooks? hooks = null,
        Action<nn.Module>? prepare = null, Func<IEnumerable<Parameter>, OptimizerHelper>? optimizer = null,
        Action<nn.Module<Tensor, Tensor>, OptimizerHelper>? after = null)
    {
        using var _ = torch.NewDisposeScope();
        var model = Mlp(config.Seed);
        prepare?.Invoke(model);
        var optim = optimizer?.Invoke(model.parameters()) ?? torch.optim.SGD(model.parameters(), config.Lr, momentum: momentum);
        var schedules = new FactorSpec(factor).Bind([config.Lr]);
        using var trainer = new Trainer(model, Train, Test, optim, schedules, Options(config, dir, resume, hooks));
        var result = trainer.Run();
        after?.Invoke(model, optim);
        return result;
    }

    public static TrainResult RunSpec(string dir, RunConfig config, ScheduleSpec spec, double momentum = 0, bool resume = false,
        TrainingHooks? hooks = null, ITrainingData? test = null)
    {
        using var _ = torch.NewDisposeScope();
        var model = Mlp(config.Seed);
        var optimizer = torch.optim.SGD(model.parameters(), config.Lr, momentum: momentum);
        using var trainer = new Trainer(model, Train, test ?? Test, optimizer, spec, Options(config, dir, resume, hooks));
        return trainer.Run();
    }

    public static string TempDir() => Path.Combine(Path.GetTempPath(), "ramp-loop-" + Guid.NewGuid().ToString("N"));
}
