using Ramp.Schedules.Decay;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Composition;

/// <summary>
/// A closed-loop warmup as a spec: the training loop raises the learning rate towards <c>base * Target</c> while
/// the monitor's signals stay healthy, holds or backs off when they do not. <see cref="Then"/> runs on the run's
/// clock by default (<see cref="AutoWarmupClock.Run"/>: evaluated at the applied step, multiplied by the controller's
/// factor while warming), so <c>auto() &gt;&gt; cosine(N)</c> in an N-step run reaches its floor at the run's end
/// however long warmup took; <c>clock=after_warmup</c> starts it at its step 0 when warmup ends instead.
/// Text <c>auto(then=cosine(1000, floor=0.1))</c>, or the same as <c>auto() &gt;&gt; cosine(1000, floor=0.1)</c>.
/// </summary>
/// <remarks>
/// The record is pure data; <c>Ramp.Training</c> maps it onto its <c>AutoWarmupOptions</c> (each null here keeps the
/// preset's value) and drives the controller. <see cref="Bind"/> gives the post-warmup schedule,
/// <c>lr_g(t) = base_g * Target * Then(t)</c>, which is what a tool that cannot run the controller shows (with the
/// run clock, exactly the learning rate of every step after warmup is done).
/// </remarks>
/// <param name="Target">Peak as a factor of the base learning rate; finite, &gt; 0. Default 1.</param>
/// <param name="Then">Factor schedule after warmup (multiplied by <see cref="Target"/>); default <c>constant()</c>.</param>
/// <param name="Preset">Which defaults to start from; default chosen by the optimizer.</param>
/// <param name="Initial">Starting fraction of the target, in (0, 1]; null = preset (0.1; 0.01 for catapult_tolerant).</param>
/// <param name="Growth">Per-step growth ratio while healthy, &gt; 1; null = preset.</param>
/// <param name="BackOff">Multiplier on a red gate, in (0, 1); null = preset (0.5).</param>
/// <param name="MinFactor">Floor of the factor; null = preset (1e-4).</param>
/// <param name="Cooldown">Steps held after a back-off; null = preset (5).</param>
/// <param name="RatioAmber">Per-layer update/weight ratio that holds; null = preset.</param>
/// <param name="RatioRed">Per-layer update/weight ratio that backs off; null = preset.</param>
/// <param name="ZAmber">Loss / gradient-norm z-score that holds; null = preset (2.5).</param>
/// <param name="ZRed">z-score that backs off; null = preset (6).</param>
/// <param name="GreenSteps">Consecutive healthy steps at the target that end warmup; null = preset (20).</param>
/// <param name="MaxSteps">Step budget of the warmup; null = none.</param>
/// <param name="Clock">Which steps <see cref="Then"/> counts; default <see cref="AutoWarmupClock.Run"/>.</param>
public sealed record AutoWarmupSpec(
    double Target = 1,
    Schedule? Then = null,
    AutoWarmupPreset Preset = AutoWarmupPreset.Optimizer,
    double? Initial = null,
    double? Growth = null,
    double? BackOff = null,
    double? MinFactor = null,
    long? Cooldown = null,
    double? RatioAmber = null,
    double? RatioRed = null,
    double? ZAmber = null,
    double? ZRed = null,
    long? GreenSteps = null,
    long? MaxSteps = null,
    AutoWarmupClock Clock = AutoWarmupClock.Run) : ScheduleSpec
{
    /// <summary>Factor schedule after warmup (multiplied by <see cref="Target"/>); default <c>constant()</c>.</summary>
    public Schedule? Then { get; } = Then;

    /// <summary>Which defaults to start from; default chosen by the optimizer.</summary>
    public AutoWarmupPreset Preset { get; } = Check.Defined(Preset, nameof(Preset), Name);

    /// <summary>Starting fraction of the target, in (0, 1]; null = preset (0.1; 0.01 for catapult_tolerant).</summary>
    public double? Initial { get; } = Initial is { } vInitial ? Check.Finite(vInitial, nameof(Initial), Name) : null;

    /// <summary>Per-step growth ratio while healthy, &gt; 1; null = preset.</summary>
    public double? Growth { get; } = Growth is { } vGrowth ? Check.Finite(vGrowth, nameof(Growth), Name) : null;

    /// <summary>Multiplier on a red gate, in (0, 1); null = preset (0.5).</summary>
    public double? BackOff { get; } = BackOff is { } vBackOff ? Check.Finite(vBackOff, nameof(BackOff), Name) : null;

    /// <summary>Floor of the factor; null = preset (1e-4).</summary>
    public double? MinFactor { get; } = MinFactor is { } vMinFactor ? Check.Finite(vMinFactor, nameof(MinFactor), Name) : null;

    /// <summary>Steps held after a back-off; null = preset (5).</summary>
    public long? Cooldown { get; } = Cooldown;

    /// <summary>Per-layer update/weight ratio that holds; null = preset.</summary>
    public double? RatioAmber { get; } = RatioAmber is { } vRatioAmber ? Check.Finite(vRatioAmber, nameof(RatioAmber), Name) : null;

    /// <summary>Per-layer update/weight ratio that backs off; null = preset.</summary>
    public double? RatioRed { get; } = RatioRed is { } vRatioRed ? Check.Finite(vRatioRed, nameof(RatioRed), Name) : null;

    /// <summary>Loss / gradient-norm z-score that holds; null = preset (2.5).</summary>
    public double? ZAmber { get; } = ZAmber is { } vZAmber ? Check.Finite(vZAmber, nameof(ZAmber), Name) : null;

    /// <summary>z-score that backs off; null = preset (6).</summary>
    public double? ZRed { get; } = ZRed is { } vZRed ? Check.Finite(vZRed, nameof(ZRed), Name) : null;

    /// <summary>Consecutive healthy steps at the target that end warmup; null = preset (20).</summary>
    public long? GreenSteps { get; } = GreenSteps;

    /// <summary>Step budget of the warmup; null = none.</summary>
    public long? MaxSteps { get; } = MaxSteps;

    internal const string Name = "auto";

    /// <summary>Peak as a factor of the base learning rate.</summary>
    public double Target { get; } = Check.Positive(Target, nameof(Target), Name);

    /// <summary>Which steps <see cref="Then"/> counts: the run's (default) or those since warmup ended.</summary>
    public AutoWarmupClock Clock { get; } = Enum.IsDefined(Clock) ? Clock
        : throw Check.Range(nameof(Clock), Clock, $"auto: clock must be run or after_warmup but was {(int)Clock}");

    /// <summary>The factor schedule after warmup, <c>constant()</c> when none was given.</summary>
    public Schedule After => Then ?? new Constant();

    /// <summary>This controller followed by <paramref name="then"/> (what <c>auto(...) &gt;&gt; then</c> means).</summary>
    internal AutoWarmupSpec Followed(Schedule then) => new(Target, then, Preset, Initial, Growth, BackOff, MinFactor, Cooldown,
        RatioAmber, RatioRed, ZAmber, ZRed, GreenSteps, MaxSteps, Clock);

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        return new FactorSpec(Target == 1 ? After : new Scaled(Target, After)).Bind(baseLrs);
    }

    /// <summary>The native text, e.g. <c>auto(then=cosine(900))</c>.</summary>
    public override string ToString() => NativePrinter.Print(this);
}
