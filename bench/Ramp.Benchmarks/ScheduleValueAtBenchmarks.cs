using BenchmarkDotNet.Attributes;
using Ramp.Schedules;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text;
using Ramp.Schedules.Warmup;

namespace Ramp.Benchmarks;

/// <summary>
/// Cost of one <c>Schedule.ValueAt(t)</c>: the price the training loop pays per step to know its learning rate.
/// Each invocation evaluates <see cref="Steps"/> steps spread over a 10 000-step run (warmup and decay both hit).
/// </summary>
[MemoryDiagnoser]
public class ScheduleValueAtBenchmarks
{
    public const int Steps = 1024;

    private Schedule _warmupCosine = null!;
    private Schedule _threeDeepJoin = null!;
    private Schedule _hfCosine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _warmupCosine = new Scaled(3e-4, Presets.WarmupCosine(500, 10_000));
        // warmup(500) >> [stable until 4500 >> [cosine(3000, floor 0.1) >> constant 0.1]]: joins nested three deep.
        var tail = new Join(new Schedule[] { new CosineDecay(3000, 0.1), new Constant(0.1) }, new long[] { 3000 });
        var stableThenTail = new Join(new Schedule[] { new Constant(1), tail }, new long[] { 4000 });
        _threeDeepJoin = new Scaled(3e-4, new Join(new Schedule[] { new LinearWarmup(500), stableThenTail }, new long[] { 500 }));
        _hfCosine = ScheduleText
            .Parse("transformers.get_cosine_schedule_with_warmup(num_warmup_steps=500, num_training_steps=10000)")
            .Bind([3e-4]).Lr[0];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps, Description = "native warmup+cosine")]
    public double WarmupCosine() => Sweep(_warmupCosine);

    [Benchmark(OperationsPerInvoke = Steps, Description = "native three-deep join")]
    public double ThreeDeepJoin() => Sweep(_threeDeepJoin);

    [Benchmark(OperationsPerInvoke = Steps, Description = "HF get_cosine_schedule_with_warmup (parsed)")]
    public double HfCosineWithWarmup() => Sweep(_hfCosine);

    private static double Sweep(Schedule schedule)
    {
        var sum = 0.0;
        for (var i = 0L; i < Steps; i++) sum += schedule.ValueAt(i * 10);
        return sum;
    }
}
