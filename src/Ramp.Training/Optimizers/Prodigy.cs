using System.Globalization;
using Ramp.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// Prodigy (Mishchenko &amp; Defazio 2023, "Prodigy: An Expeditiously Adaptive Parameter-Free Learner"), the Adam
/// version, as the authors' <c>prodigyopt</c> 1.1.2 computes it: Adam whose step size is <c>d lr</c>, where <c>d</c>
/// estimates the distance to the solution from the gradients seen. <c>lr</c> stays 1 unless a schedule scales it.
/// </summary>
/// <remarks>
/// Step <c>k</c> (from 0), with <c>dlr = d lr bc</c> (<c>bc = sqrt(1 - beta2^(k+1)) / (1 - beta1^(k+1))</c> with bias
/// correction, else 1) and every parameter's gradient <c>g</c> (plus <c>weight_decay p</c> unless decoupled):
/// <c>m = beta1 m + (1 - beta1) d g</c>, <c>v = beta2 v + (1 - beta2) d^2 g^2</c>,
/// <c>r = beta3 r + (d / d0) dlr &lt;g, x_0 - x&gt;</c> summed over all parameters,
/// <c>s = beta3 s + (d / d0) dlr g</c> (<c>(d / d0) d g</c> with the warmup safeguard),
/// <c>d_hat = d_coef r / ||s||_1</c>, <c>d_max = max(d_max, d_hat)</c>, <c>d = min(d_max, d growth_rate)</c> (on the
/// first growth <c>d</c> first becomes <c>max(d, d_hat)</c>); then with the new <c>d</c>:
/// <c>p -= dlr p weight_decay</c> (decoupled) and <c>p -= dlr m / (sqrt(v) + d eps)</c> (<c>dlr d g / (...)</c> when
/// beta1 = 0). All groups share <c>d</c>; their learning rates must be the largest one or 0.
/// <para><c>d</c>, <c>d_max</c> and <c>r</c> are 0-dim float64 tensors on the parameters' device, and the step never
/// reads them back (the authors' code calls <c>.item()</c> per parameter per step). Read <see cref="D"/> only when
/// the monitor reads back. One consequence: where the authors' step returns early because every gradient so far was
/// exactly zero (<c>||s||_1 = 0</c>), this step still counts the step (bias correction, <see cref="ProdigyOptions.Step"/>)
/// but leaves <c>d</c>, <c>r</c> and the parameters unchanged, as theirs does. A step with every learning rate 0
/// (a warmup's step 0) updates nothing but the moments and sums (the authors' code fails there).</para>
/// </remarks>
public sealed class Prodigy : OptimizerHelper, IOptimizerScalars
{
    private readonly Tensor _d, _dMax, _dNumerator;

    /// <summary>One group over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Factor on the estimated step, &gt; 0 (default 1).</param>
    /// <param name="beta1">First-moment decay in [0, 1) (default 0.9).</param>
    /// <param name="beta2">Second-moment decay in [0, 1) (default 0.999).</param>
    /// <param name="beta3">Decay of the estimate's sums in [0, 1], or null for <c>sqrt(beta2)</c> (default).</param>
    /// <param name="eps">Denominator epsilon (times d), &gt; 0 (default 1e-8).</param>
    /// <param name="weightDecay">Weight decay, &gt;= 0 (default 0).</param>
    /// <param name="decouple">Decoupled (AdamW's) weight decay (default true).</param>
    /// <param name="useBiasCorrection">Adam's bias correction on the step (default false).</param>
    /// <param name="safeguardWarmup">Keep the learning rate out of the estimate's denominator (default false).</param>
    /// <param name="d0">Initial estimate, &gt; 0 (default 1e-6).</param>
    /// <param name="dCoef">Factor on the estimate, &gt; 0 (default 1).</param>
    /// <param name="growthRate">Largest growth of d per step, &gt;= 1 (default infinity).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range.</exception>
    public Prodigy(IEnumerable<Parameter> parameters, double lr = 1.0, double beta1 = 0.9, double beta2 = 0.999, double? beta3 = null,
        double eps = 1e-8, double weightDecay = 0, bool decouple = true, bool useBiasCorrection = false, bool safeguardWarmup = false,
        double d0 = 1e-6, double dCoef = 1.0, double growthRate = double.PositiveInfinity)
        : this([new ProdigyParamGroup { Parameters = parameters }], lr, beta1, beta2, beta3, eps, weightDecay, decouple,
            useBiasCorrection, safeguardWarmup, d0, dCoef, growthRate)
    {
    }

    /// <summary>Several groups; unset options take the values given here (see the other constructor).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range.</exception>
    public Prodigy(IEnumerable<ProdigyParamGroup> groups, double lr = 1.0, double beta1 = 0.9, double beta2 = 0.999, double? beta3 = null,
        double eps = 1e-8, double weightDecay = 0, bool decouple = true, bool useBiasCorrection = false, bool safeguardWarmup = false,
        double d0 = 1e-6, double dCoef = 1.0, double growthRate = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var defaults = new ProdigyOptions
        {
            LearningRate = lr, InitialLearningRate = lr, Beta1 = beta1, Beta2 = beta2, Beta3 = beta3 ?? Math.Sqrt(beta2), Eps = eps,
            WeightDecay = weightDecay, Decouple = decouple, UseBiasCorrection = useBiasCorrection, SafeguardWarmup = safeguardWarmup,
            D0 = d0, DCoef = dCoef, GrowthRate = growthRate,
        };
        Check(defaults);
        var list = groups.ToList();
        var device = list.SelectMany(g => g.Parameters).FirstOrDefault()?.device ?? CPU;
        _d = tensor(d0, float64, device).DetachFromDisposeScope();
        _dMax = tensor(d0, float64, device).DetachFromDisposeScope();
        _dNumerator = zeros(Array.Empty<long>(), float64, device).DetachFromDisposeScope();
        _defaults = defaults;
        _parameter_groups = [];
        foreach (var group in list) add_param_group(group);
    }

    /// <summary>
    /// The current estimate <c>d</c>: a 0-dim float64 tensor on the parameters' device, updated in place by every
    /// step. The effective learning rate is <c>d lr</c>; read it back only when a monitor reads back anyway.
    /// </summary>
    public Tensor D => _d;

    /// <summary><c>prodigy_d</c>: the estimate d (the effective learning rate is d times the scheduled rate).</summary>
    public IReadOnlyList<string> ScalarNames { get; } = ["prodigy_d"];

    /// <summary><see cref="D"/> itself (updated in place by the next step: copy it at once).</summary>
    public IReadOnlyList<Tensor> ScalarValues() => [_d];

    /// <inheritdoc />
    public override void add_param_group(ParamGroup param_group)
    {
        ArgumentNullException.ThrowIfNull(param_group);
        var defaults = (ProdigyOptions)_defaults;
        param_group.Options ??= new ProdigyOptions();
        var o = param_group.Options as ProdigyOptions
            ?? throw RampArgumentException.For("prodigy: a group's options must be ProdigyOptions", nameof(param_group));
        o.LearningRate ??= defaults.LearningRate;
        o.Beta1 ??= defaults.Beta1;
        o.Beta2 ??= defaults.Beta2;
        o.Beta3 ??= defaults.Beta3;
        o.Eps ??= defaults.Eps;
        o.WeightDecay ??= defaults.WeightDecay;
        o.Decouple ??= defaults.Decouple;
        o.UseBiasCorrection ??= defaults.UseBiasCorrection;
        o.SafeguardWarmup ??= defaults.SafeguardWarmup;
        o.D0 ??= defaults.D0;
        o.DCoef ??= defaults.DCoef;
        o.GrowthRate ??= defaults.GrowthRate;
        o.InitialLearningRate = o.LearningRate!.Value;
        Check(o);
        (o.D, o.DMax, o.DNumerator) = (_d, _dMax, _dNumerator);
        _parameter_groups.Add(param_group);
        foreach (var p in param_group.Parameters) _state[p.Handle] = new ProdigyState(p, o.Beta1 > 0);
    }

    /// <summary>Performs one update of every parameter that has a gradient (see the remarks for the formulas).</summary>
    /// <param name="closure">Recomputes the loss (optional), evaluated with gradients enabled before the update.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    /// <exception cref="InvalidOperationException">Groups with different non-zero learning rates.</exception>
    public override Tensor step(Func<Tensor>? closure = null)
    {
        Tensor? loss = null;
        if (closure is not null)
            using (enable_grad())
                loss = closure();
        using (no_grad())
        using (NewDisposeScope())
        using (var held = new HeldScalars())
            Update(held);
        return loss!;
    }

    private void Update(HeldScalars held)
    {
        var groups = _parameter_groups.Select(g => (ProdigyOptions)g.Options).ToArray();
        var first = groups[0];
        double beta1 = first.Beta1!.Value, beta2 = first.Beta2!.Value, beta3 = first.Beta3!.Value;
        long k = first.Step;
        double lr = groups.Max(o => o.LearningRate!.Value);
        foreach (var o in groups)
            if (o.LearningRate != lr && o.LearningRate != 0)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"prodigy: every group's learning rate must be the largest one ({lr}) or 0, but one is {o.LearningRate}"));
        double bc = first.UseBiasCorrection!.Value ? Math.Sqrt(1 - Math.Pow(beta2, k + 1)) / (1 - Math.Pow(beta1, k + 1)) : 1;
        var dlr = _d.mul(held[lr * bc]);
        var numerator = _dNumerator.mul(held[beta3]);
        var denominator = zeros_like(_d);
        // The moments' factors: 0-dim device tensors that addcmul_ broadcasts, so no update makes a scaled copy of g.
        var mFactor = _d.mul(held[1 - beta1]);
        var vFactor = _d.square().mul_(held[1 - beta2]);
        var directions = new List<(Parameter P, Tensor G, ProdigyState State, ProdigyOptions Options)>();
        for (int gi = 0; gi < groups.Length; gi++)
        {
            var o = groups[gi];
            double decay = o.WeightDecay!.Value;
            var ratio = _d.div(held[o.D0!.Value]);
            var weighted = ratio.mul(dlr);
            foreach (var p in _parameter_groups[gi].Parameters)
            {
                var grad = p.grad;
                if (grad is null) continue;
                var g = decay != 0 && !o.Decouple!.Value ? grad.add(p, held[decay]) : grad;
                var state = (ProdigyState)_state[p.Handle];
                if (state.Step == 0) state.Start.copy_(p);
                directions.Add((p, g, state, o));
                if (o.LearningRate!.Value <= 0) continue;
                var dot = g.flatten().dot(state.Start.flatten().sub(p.flatten())).to_type(float64);
                numerator.add_(dot.mul_(weighted));
                if (beta1 > 0 && state.ExpAvg is { } m) m.mul_(held[beta1]).addcmul_(g, mFactor, held[1.0]);
                state.ExpAvgSq.mul_(held[beta2]).addcmul_(g, g.mul(vFactor), held[1.0]);
                state.S.mul_(held[beta3]).addcmul_(g, o.SafeguardWarmup!.Value ? ratio.mul(_d) : weighted, held[1.0]);
                denominator.add_(state.S.abs().sum().to_type(float64));
            }
        }
        // The authors return early when ||s||_1 = 0; on the device that is a mask, never a branch.
        var progressed = denominator.gt(held[0.0]);
        var stepScale = where(progressed, dlr, zeros_like(dlr));
        if (lr > 0)
        {
            var dHat = numerator.mul(held[first.DCoef!.Value]).div_(where(progressed, denominator, ones_like(denominator)));
            var dMax = maximum(_dMax, dHat);
            var grown = where(_d.eq(held[groups[^1].D0!.Value]), maximum(_d, dHat), _d);
            var d = minimum(dMax, grown.mul(held[first.GrowthRate!.Value]));
            _d.copy_(where(progressed, d, _d));
            _dMax.copy_(where(progressed, dMax, _dMax));
            _dNumerator.copy_(where(progressed, numerator, _dNumerator));
        }
        else
        {
            _dNumerator.copy_(numerator);
        }
        var down = stepScale.neg();
        foreach (var (p, g, state, o) in directions)
        {
            state.Step++;
            var denom = state.ExpAvgSq.sqrt().add_(_d.mul(held[o.Eps!.Value]));
            double decay = o.WeightDecay!.Value;
            if (decay != 0 && o.Decouple!.Value) p.addcmul_(p, down.mul(held[decay]), held[1.0]);
            if (beta1 > 0 && state.ExpAvg is { } m) p.addcmul_(m.div(denom), down, held[1.0]);
            else p.addcmul_(g.div(denom), down.mul(_d), held[1.0]);
        }
        foreach (var o in groups) o.Step = k + 1;
    }

    /// <summary>Releases the state and the estimate; safe on an instance whose constructor threw.</summary>
    /// <param name="disposing">True from <c>Dispose()</c>, false from the finalizer.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_state is not null)
                foreach (var entry in _state) ((ProdigyState)entry.Item2).Dispose();
            _d?.Dispose();
            _dMax?.Dispose();
            _dNumerator?.Dispose();
        }
        base.Dispose(disposing);
    }

    private static void Check(ProdigyOptions o)
    {
        static string F(double? v) => (v ?? double.NaN).ToString(CultureInfo.InvariantCulture);
        if (!(o.LearningRate >= 0)) throw new RampArgumentException("lr", o.LearningRate,
            $"prodigy: lr must be >= 0 but was {F(o.LearningRate)}");
        if (!(o.Beta1 is >= 0 and < 1)) throw new RampArgumentException("beta1", o.Beta1,
            $"prodigy: beta1 must be in [0, 1) but was {F(o.Beta1)}");
        if (!(o.Beta2 is >= 0 and < 1)) throw new RampArgumentException("beta2", o.Beta2,
            $"prodigy: beta2 must be in [0, 1) but was {F(o.Beta2)}");
        if (!(o.Beta3 is >= 0 and <= 1)) throw new RampArgumentException("beta3", o.Beta3,
            $"prodigy: beta3 must be in [0, 1] but was {F(o.Beta3)}");
        if (!(o.Eps > 0)) throw new RampArgumentException("eps", o.Eps, $"prodigy: eps must be > 0 but was {F(o.Eps)}");
        if (!(o.WeightDecay >= 0)) throw new RampArgumentException("weightDecay", o.WeightDecay,
            $"prodigy: weight decay must be >= 0 but was {F(o.WeightDecay)}");
        if (!(o.D0 > 0) || !double.IsFinite(o.D0!.Value)) throw new RampArgumentException("d0", o.D0,
            $"prodigy: d0 must be finite and > 0 but was {F(o.D0)}");
        if (!(o.DCoef > 0)) throw new RampArgumentException("dCoef", o.DCoef, $"prodigy: d_coef must be > 0 but was {F(o.DCoef)}");
        if (!(o.GrowthRate >= 1)) throw new RampArgumentException("growthRate", o.GrowthRate,
            $"prodigy: growth rate must be >= 1 but was {F(o.GrowthRate)}");
    }
}
