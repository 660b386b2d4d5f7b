using BenchmarkDotNet.Attributes;
using Ramp.Schedules;
using Ramp.Schedules.Composition;
using Ramp.Training.Binding;
using TorchSharp;
using static TorchSharp.torch.optim;

namespace Ramp.Benchmarks;

/// <summary>
/// Advancing a schedule by one optimizer step inside TorchSharp: TorchSharp's own
/// <c>SequentialLR(LinearLR, CosineAnnealingLR)</c> against Ramp's <see cref="ScheduleBinder"/> writing the same
/// warmup+cosine shape into the same kind of optimizer (SGD, one parameter, momentum 0.9). Neither runs
/// <c>optimizer.step()</c>, so only the scheduling cost is measured.
/// </summary>
[MemoryDiagnoser]
public class TorchScheduleStepBenchmarks
{
    public const int Steps = 1024;
    private const int Warmup = 500;
    private const int Total = 100_000_000;

    private TorchSharp.Modules.Linear _model = null!;
    private lr_scheduler.LRScheduler _torchScheduler = null!;
    private ScheduleBinder _binder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = torch.nn.Linear(1, 1, hasBias: false);
        var torchOptimizer = NewOptimizer();
        _torchScheduler = lr_scheduler.SequentialLR(
            torchOptimizer,
            [
                lr_scheduler.LinearLR(torchOptimizer, start_factor: 0.01, end_factor: 1.0, total_iters: Warmup),
                lr_scheduler.CosineAnnealingLR(torchOptimizer, T_max: Total - Warmup),
            ],
            [Warmup]);
        var set = new FactorSpec(Presets.WarmupCosine(Warmup, Total)).Bind([0.1]);
        _binder = new ScheduleBinder(NewOptimizer(), set);
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps, Description = "TorchSharp SequentialLR.step()")]
    public void TorchSharpSequentialLr()
    {
        for (var i = 0; i < Steps; i++) _torchScheduler.step();
    }

    [Benchmark(OperationsPerInvoke = Steps, Description = "Ramp ScheduleBinder.Advance()")]
    public void RampBinder()
    {
        for (var i = 0; i < Steps; i++) _binder.Advance();
    }

    private Optimizer NewOptimizer() => SGD(_model.parameters(), 0.1, momentum: 0.9);
}
