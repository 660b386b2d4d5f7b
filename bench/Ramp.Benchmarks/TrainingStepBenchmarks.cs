using BenchmarkDotNet.Attributes;
using Ramp.Schedules;
using Ramp.Schedules.Composition;
using Ramp.Training.Binding;
using Ramp.Training.Data;
using Ramp.Training.Guards;
using Ramp.Training.Loop;
using Ramp.Training.Models;
using Ramp.Training.Monitoring;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Benchmarks;

/// <summary>
/// What Ramp adds to a training step on the CPU: the same MLP (784-256-256-10) on the same batches of the shipped
/// Fashion-MNIST subset (<see cref="Batch"/> examples), SGD with momentum 0.9, torch on a fixed number of threads; once bare
/// (zero_grad, forward, loss, backward, step) and once with what <c>ramp train</c> adds around that step.
/// </summary>
/// <remarks>
/// "Ramp" is the loop's own <c>StepExecutor</c> (binder, accumulation of one batch, guard chain, update) and the
/// monitor at its defaults (loss, accuracy and one gradient norm per parameter on the device every step; update and
/// weight norms and dead units every 25th step; one read-back every 25 steps, with the device guards' decisions
/// explained), with no guard, as <c>ramp train</c> runs by default; only the files the run recorder writes are left
/// out. Clipping is compared with TorchSharp's own <c>clip_grad_norm_</c>; "Ramp + ZClip + skip-step" adds the two
/// host-side guards at their defaults, which read the loss and the gradient norm back every step. Batches are
/// gathered once in the setup so data loading is not timed; each invocation runs <see cref="Steps"/> steps.
/// </remarks>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    /// <summary>Steps per invocation: two read-back intervals, so every invocation pays the same number of read-backs.</summary>
    public const int Steps = 50;
    private const int ReadBackEvery = 25;
    private const int DetailEvery = 25;

    private nn.Module<Tensor, Tensor> _model = null!;
    private torch.optim.Optimizer _optimizer = null!;
    private ScheduleBinder _binder = null!;
    private StepMonitor _monitor = null!;
    private StepExecutor _plain = null!, _clip = null!, _hostGuards = null!;
    private GuardChain _plainChain = null!, _clipChain = null!, _hostChain = null!;
    private DataPosition _position;
    private long _step;
    private (Tensor X, Tensor Y)[] _batches = [];
    private int _next;

    /// <summary>
    /// The model: <c>mlp</c> (784-256-256-10, the least work per parameter, so the monitor's largest share) or
    /// <c>cnn</c> (<see cref="SmallCnn"/>, about as many parameters and far more arithmetic per step).
    /// </summary>
    [Params("mlp")]
    public string Model { get; set; } = "mlp";

    /// <summary>Examples per batch: 256, and 1024 as in the fmnist-sgd case study.</summary>
    [Params(256, 1024)]
    public int Batch { get; set; } = 256;

    /// <summary>Torch intra-op threads, fixed for the whole run (the machine has two shared cores).</summary>
    [Params(1)]
    public int Threads { get; set; }

    /// <summary>Builds model, optimizer, binder, monitor and guards, and gathers the batches.</summary>
    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Threads);
        var (train, _) = FashionMnist.LoadShipped();
        var order = Enumerable.Range(0, train.Count).ToArray();
        new Random(0).Shuffle(order);
        _batches = Enumerable.Range(0, train.Count / Batch)
            .Select(b => order.AsSpan(b * Batch, Batch).ToArray())
            .Select(ix => (train.Images(ix).DetachFromDisposeScope(), train.Labels(ix).DetachFromDisposeScope()))
            .ToArray();
        _model = Model == "cnn" ? new SmallCnn(seed: 0) : new Mlp(seed: 0);
        _optimizer = torch.optim.SGD(_model.parameters(), 0.05, momentum: 0.9);
        // A schedule long enough never to end during the run, so the binder evaluates warmup and cosine alike.
        _binder = new ScheduleBinder(_optimizer, new FactorSpec(Presets.WarmupCosine(500, 100_000_000)).Bind([0.05]));
        _monitor = new StepMonitor(_model);
        _plainChain = new GuardChain(GuardOptions.None);
        _clipChain = new GuardChain(new GuardOptions(Clip: new NormClipOptions(1.0)));
        _hostChain = new GuardChain(new GuardOptions(ZClip: new ZClipOptions(), SkipSpikes: new SpikeSkipOptions()));
        var data = new Prepared(_batches, Batch);
        var dataOrder = new DataOrder(data.Count, Batch, seed: 0);
        StepExecutor Executor(GuardChain chain) =>
            new(_model, data, dataOrder, (TorchSharp.Modules.OptimizerHelper)_optimizer, _binder, _monitor, chain, torch.CPU, 1, null);
        (_plain, _clip, _hostGuards) = (Executor(_plainChain), Executor(_clipChain), Executor(_hostChain));
    }

    /// <summary>Releases the model, the monitor and the batches.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _monitor.Dispose();
        _model.Dispose();
        foreach (var (x, y) in _batches) { x.Dispose(); y.Dispose(); }
    }

    /// <summary>zero_grad, forward, loss, backward, step.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps, Description = "bare TorchSharp step")]
    public void Bare() => BareSteps(clip: false);

    /// <summary>The bare step with the binder and the monitor at their defaults (no guard: every guard is opt-in).</summary>
    [Benchmark(OperationsPerInvoke = Steps, Description = "Ramp: binder + monitor")]
    public double Ramp() => RampSteps(_plain, _plainChain);

    /// <summary>The bare step with TorchSharp's own <c>clip_grad_norm_</c> at 1.0: the baseline for <see cref="RampClip"/>.</summary>
    [Benchmark(OperationsPerInvoke = Steps, Description = "bare step + clip_grad_norm_")]
    public void BareClip() => BareSteps(clip: true);

    /// <summary>As <see cref="Ramp"/>, plus Ramp's clipping by global norm at 1.0 (on the device).</summary>
    [Benchmark(OperationsPerInvoke = Steps, Description = "Ramp: binder + monitor + clip")]
    public double RampClip() => RampSteps(_clip, _clipChain);

    /// <summary>As <see cref="Ramp"/>, plus ZClip and skip-step deciding on the host every step.</summary>
    [Benchmark(OperationsPerInvoke = Steps, Description = "Ramp + ZClip + skip-step")]
    public double RampWithHostGuards() => RampSteps(_hostGuards, _hostChain);

    private void BareSteps(bool clip)
    {
        for (var i = 0; i < Steps; i++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = NextBatch();
            _optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(_model.call(x), y);
            loss.backward();
            if (clip) nn.utils.clip_grad_norm_(_model.parameters(), 1.0);
            _optimizer.step();
        }
    }

    /// <summary>
    /// Part of <see cref="Ramp"/>, for finding where its cost goes (<c>paired-training ... parts</c>): the bare step
    /// plus the batch accuracy, the gradient norms, and the rest of the monitor (record, detail steps, read-back).
    /// </summary>
    public double RampPart(bool accuracy, bool gradNorms, bool monitor)
    {
        var sink = 0.0;
        for (var i = 0; i < Steps; i++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = NextBatch();
            _optimizer.zero_grad();
            if (monitor) _monitor.BeginStep(detail: i % DetailEvery == 0);
            var output = _model.call(x);
            var loss = nn.functional.cross_entropy(output, y);
            loss.backward();
            var correct = accuracy ? output.detach().argmax(-1).eq(y).to(loss.dtype).mean() : null;
            var norms = gradNorms || monitor ? _monitor.GradNorms() : null;
            if (monitor) _monitor.BeforeUpdate();
            _optimizer.step();
            if (!monitor) continue;
            _monitor.Record(loss, correct, null, norms!);
            if (_monitor.Pending == ReadBackEvery)
                foreach (var v in _monitor.ReadBack()) sink += _monitor.Decode(v).GradNorm;
        }
        return sink;
    }

    // What Trainer.Run does per step, but for writing files: the executor, and every 25 steps the read-back.
    private double RampSteps(StepExecutor executor, GuardChain chain)
    {
        var sink = 0.0;
        var tail = 3 + _monitor.LayerOfParameter.Count;
        for (var i = 0; i < Steps; i++)
        {
            var result = executor.Run(_step++, _position, detail: i % DetailEvery == 0);
            _position = result.Next;
            if (_monitor.Pending < ReadBackEvery) continue;
            foreach (var v in _monitor.ReadBack())
            {
                var norm = _monitor.Decode(v).GradNorm;
                sink += norm + chain.Explain(0, v.Head.AsSpan(tail), norm).Count(d => d.Acted);
            }
        }
        return sink;
    }

    private (Tensor X, Tensor Y) NextBatch()
    {
        var batch = _batches[_next];
        _next = (_next + 1) % _batches.Length;
        return batch;
    }

    /// <summary>The batches gathered in the setup as training data: the batch holding the first index asked for.</summary>
    private sealed class Prepared((Tensor X, Tensor Y)[] batches, int batch) : ITrainingData
    {
        public long Count => batches.Length * (long)batch;

        public int Classes => 10;

        public bool IsLanguageModel => false;

        public (Tensor Inputs, Tensor Targets) Gather(long[] indices, Device device) => batches[indices[0] / batch];
    }
}
