using System.Reflection;
using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Tests.Text.Python;

/// <summary>
/// Every peer entry: one call per entry (non-default values where the peer allows), printed as its Python call and
/// parsed back to an equal spec. A new entry without a call here fails <see cref="EveryEntryHasACall"/>.
/// </summary>
public class PeerCatalogTests
{
    private const string Torch = "torch.optim.lr_scheduler.";

    /// <summary>One call per entry, keyed by "peer:name".</summary>
    public static readonly IReadOnlyDictionary<string, string> Calls = new Dictionary<string, string>
    {
        ["torch:StepLR"] = Torch + "StepLR(optimizer, step_size=12, gamma=0.5)",
        ["torch:MultiStepLR"] = Torch + "MultiStepLR(optimizer, milestones=[49, 105, 185], gamma=0.3)",
        ["torch:ConstantLR"] = Torch + "ConstantLR(optimizer, factor=0.5, total_iters=17)",
        ["torch:LinearLR"] = Torch + "LinearLR(optimizer, start_factor=0.001, end_factor=0.9, total_iters=25)",
        ["torch:ExponentialLR"] = Torch + "ExponentialLR(optimizer, gamma=0.9)",
        ["torch:PolynomialLR"] = Torch + "PolynomialLR(optimizer, total_iters=253, power=2.0)",
        ["torch:CosineAnnealingLR"] = Torch + "CosineAnnealingLR(optimizer, T_max=32, eta_min=0.001)",
        ["torch:CosineAnnealingWarmRestarts"] = Torch + "CosineAnnealingWarmRestarts(optimizer, T_0=46, T_mult=2, eta_min=1e-05)",
        ["torch:OneCycleLR"] = Torch + "OneCycleLR(optimizer, max_lr=[1.0, 0.5], epochs=4, steps_per_epoch=104, pct_start=0.25, "
            + "anneal_strategy='linear', cycle_momentum=False, base_momentum=0.8, max_momentum=0.9, div_factor=10.0, "
            + "final_div_factor=100.0, three_phase=True)",
        ["torch:CyclicLR"] = Torch + "CyclicLR(optimizer, base_lr=0.001, max_lr=0.1, step_size_up=5, step_size_down=7, "
            + "mode='exp_range', gamma=0.99, scale_mode='cycle', cycle_momentum=False, base_momentum=0.7, max_momentum=0.95)",
        ["torch:SequentialLR"] = Torch + "SequentialLR(optimizer, schedulers=[LinearLR(optimizer, start_factor=0.01, total_iters=8), "
            + "CosineAnnealingLR(optimizer, T_max=434)], milestones=[8])",
        ["torch:ChainedScheduler"] = Torch + "ChainedScheduler([LinearLR(optimizer, start_factor=0.05, total_iters=29), "
            + "ExponentialLR(optimizer, gamma=0.99)])",
        ["torch:ReduceLROnPlateau"] = Torch + "ReduceLROnPlateau(optimizer, mode='max', factor=0.5, patience=11, threshold=0.01, "
            + "threshold_mode='abs', cooldown=4, min_lr=[1e-05, 1e-06], eps=1e-09)",
        ["torch:SWALR"] = "torch.optim.swa_utils.SWALR(optimizer, swa_lr=0.05, anneal_epochs=5, anneal_strategy='linear')",
        ["hf:get_constant_schedule"] = "transformers.get_constant_schedule(optimizer)",
        ["hf:get_constant_schedule_with_warmup"] = "transformers.get_constant_schedule_with_warmup(optimizer, num_warmup_steps=10)",
        ["hf:get_linear_schedule_with_warmup"] = "transformers.get_linear_schedule_with_warmup(optimizer, 0.1, 500)",
        ["hf:get_cosine_schedule_with_warmup"] =
            "transformers.get_cosine_schedule_with_warmup(optimizer, num_warmup_steps=20, num_training_steps=500, num_cycles=1.5)",
        ["hf:get_cosine_with_hard_restarts_schedule_with_warmup"] =
            "transformers.get_cosine_with_hard_restarts_schedule_with_warmup(optimizer, 5, 500, 3)",
        ["hf:get_polynomial_decay_schedule_with_warmup"] =
            "transformers.get_polynomial_decay_schedule_with_warmup(optimizer, 10, 500, lr_end=0.0001, power=0.5)",
        ["hf:get_inverse_sqrt_schedule"] = "transformers.get_inverse_sqrt_schedule(optimizer, num_warmup_steps=1, timescale=50)",
        ["hf:get_cosine_with_min_lr_schedule_with_warmup"] =
            "transformers.get_cosine_with_min_lr_schedule_with_warmup(optimizer, 10, 500, 0.5, -1, None, 0.05)",
        ["hf:get_cosine_with_min_lr_schedule_with_warmup_lr_rate"] =
            "transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(optimizer, num_warmup_steps=10, num_training_steps=500, "
            + "min_lr=1e-05, warmup_lr_rate=0.01)",
        ["hf:get_wsd_schedule"] = "transformers.get_wsd_schedule(optimizer, num_warmup_steps=10, num_decay_steps=150, "
            + "num_stable_steps=300, warmup_type='cosine', decay_type='1-sqrt', min_lr_ratio=0.1, num_cycles=0.25)",
        ["hf:get_reduce_on_plateau_schedule"] = "transformers.get_reduce_on_plateau_schedule(optimizer, patience=3, factor=0.5)",
        ["hf:get_scheduler"] = "transformers.get_scheduler('cosine', optimizer, num_warmup_steps=10, num_training_steps=100, "
            + "scheduler_specific_kwargs={'num_cycles': 1.0})",
        ["timm:CosineLRScheduler"] = "timm.scheduler.CosineLRScheduler(optimizer, t_initial=300, lr_min=1e-05, cycle_mul=2.0, "
            + "cycle_decay=0.5, cycle_limit=3, warmup_t=5, warmup_lr_init=0.0001, warmup_prefix=True, t_in_epochs=False, "
            + "noise_range_t=[10, 20], noise_pct=0.2, noise_std=1.0, noise_seed=7, k_decay=1.5, noise_type='uniform')",
        ["timm:TanhLRScheduler"] = "timm.scheduler.TanhLRScheduler(optimizer, t_initial=50, lb=-6.0, ub=4.0, lr_min=1e-05, "
            + "warmup_t=3, warmup_lr_init=1e-05, cycle_limit=2, noise_range_t=30)",
        ["timm:StepLRScheduler"] = "timm.scheduler.StepLRScheduler(optimizer, decay_t=10, decay_rate=0.5, warmup_t=2, "
            + "warmup_lr_init=0.0001, warmup_prefix=False)",
        ["timm:MultiStepLRScheduler"] = "timm.scheduler.MultiStepLRScheduler(optimizer, decay_t=[48, 132, 149], decay_rate=0.1, "
            + "warmup_t=4, warmup_lr_init=0.0001, initialize=True)",
        ["timm:PolyLRScheduler"] = "timm.scheduler.PolyLRScheduler(optimizer, t_initial=100, power=0.9, lr_min=0.0001, "
            + "warmup_t=0, warmup_lr_init=1e-05, k_decay=2.0)",
        ["timm:PlateauLRScheduler"] = "timm.scheduler.PlateauLRScheduler(optimizer, decay_rate=0.5, patience_t=3, threshold=0.01, "
            + "cooldown_t=1, warmup_t=2, warmup_lr_init=1e-05, lr_min=1e-06, mode='min', noise_range_t=[5, 9], noise_pct=0.1, "
            + "noise_seed=3)",
        ["optax:constant_schedule"] = "optax.constant_schedule(value=0.3)",
        ["optax:linear_schedule"] = "optax.linear_schedule(init_value=0.0, end_value=1.0, transition_steps=50, transition_begin=5)",
        ["optax:cosine_decay_schedule"] = "optax.cosine_decay_schedule(init_value=1.0, decay_steps=300, alpha=0.1, exponent=2.0)",
        ["optax:exponential_decay"] = "optax.exponential_decay(init_value=1.0, transition_steps=10, decay_rate=0.5, "
            + "transition_begin=3, staircase=True, end_value=0.1)",
        ["optax:polynomial_schedule"] =
            "optax.polynomial_schedule(init_value=1.0, end_value=0.01, power=0.5, transition_steps=200, transition_begin=4)",
        ["optax:piecewise_constant_schedule"] =
            "optax.piecewise_constant_schedule(init_value=1.0, boundaries_and_scales={100: 0.1, 250: 0.5})",
        ["optax:piecewise_interpolate_schedule"] = "optax.piecewise_interpolate_schedule(interpolate_type='cosine', init_value=1.0, "
            + "boundaries_and_scales={40: 2.0, 200: 0.1})",
        ["optax:warmup_cosine_decay_schedule"] = "optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, "
            + "warmup_steps=10, decay_steps=300, end_value=0.01, exponent=2.0)",
        ["optax:warmup_exponential_decay_schedule"] = "optax.warmup_exponential_decay_schedule(init_value=0.0, peak_value=1.0, "
            + "warmup_steps=5, transition_steps=30, decay_rate=0.7, transition_begin=2, staircase=True, end_value=0.05)",
        ["optax:warmup_constant_schedule"] = "optax.warmup_constant_schedule(init_value=0.001, peak_value=1.0, warmup_steps=7)",
        ["optax:linear_onecycle_schedule"] = "optax.linear_onecycle_schedule(transition_steps=300, peak_value=1.0, pct_start=0.2, "
            + "pct_final=0.8, div_factor=20.0, final_div_factor=1000.0)",
        ["optax:cosine_onecycle_schedule"] = "optax.cosine_onecycle_schedule(transition_steps=300, peak_value=1.0, pct_start=0.2, "
            + "div_factor=20.0, final_div_factor=1000.0)",
        ["optax:join_schedules"] = "optax.join_schedules(schedules=[optax.linear_schedule(init_value=0.0, end_value=1.0, "
            + "transition_steps=40), optax.cosine_decay_schedule(init_value=1.0, decay_steps=100, alpha=0.05)], boundaries=[40])",
        ["optax:sgdr_schedule"] = "optax.sgdr_schedule(cosine_kwargs=[{'init_value': 0.0, 'peak_value': 1.0, 'warmup_steps': 10, "
            + "'decay_steps': 100, 'end_value': 0.0}, {'init_value': 0.0, 'peak_value': 0.5, 'warmup_steps': 10, 'decay_steps': 150}])",
        ["optax:reduce_on_plateau"] = "optax.contrib.reduce_on_plateau(factor=0.5, patience=5, rtol=0.001, atol=0.01, cooldown=2, "
            + "accumulation_size=4, min_scale=0.01)",
        ["deepspeed:LRRangeTest"] = "deepspeed.runtime.lr_schedules.LRRangeTest(optimizer, lr_range_test_min_lr=0.001, "
            + "lr_range_test_step_size=100, lr_range_test_step_rate=2.0, lr_range_test_staircase=True)",
        ["deepspeed:OneCycle"] = "deepspeed.runtime.lr_schedules.OneCycle(optimizer, cycle_min_lr=0.001, cycle_max_lr=0.1, "
            + "decay_lr_rate=0.01, cycle_first_step_size=100, cycle_second_step_size=80, cycle_first_stair_count=4, "
            + "cycle_second_stair_count=2, decay_step_size=10, cycle_momentum=False, cycle_min_mom=0.85, cycle_max_mom=0.95, "
            + "decay_mom_rate=0.001)",
        ["deepspeed:WarmupLR"] = "deepspeed.runtime.lr_schedules.WarmupLR(optimizer, warmup_min_lr=0.0001, warmup_max_lr=[0.01, 0.02], "
            + "warmup_num_steps=100, warmup_type='linear')",
        ["deepspeed:WarmupDecayLR"] = "deepspeed.runtime.lr_schedules.WarmupDecayLR(optimizer, total_num_steps=1000, "
            + "warmup_min_lr=0.0, warmup_max_lr=0.01, warmup_num_steps=100, warmup_type='log', last_batch_iteration=-1)",
        ["deepspeed:WarmupCosineLR"] = "deepspeed.runtime.lr_schedules.WarmupCosineLR(optimizer, total_num_steps=1000, "
            + "warmup_min_ratio=0.1, warmup_num_steps=50, cos_min_ratio=0.01, warmup_type='linear')",
        ["keras:ExponentialDecay"] = "keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=100, decay_rate=0.96, staircase=True)",
        ["keras:PiecewiseConstantDecay"] = "keras.optimizers.schedules.PiecewiseConstantDecay(boundaries=[100, 200], values=[1.0, 0.5, 0.1])",
        ["keras:PolynomialDecay"] = "keras.optimizers.schedules.PolynomialDecay(0.1, 1000, end_learning_rate=0.001, power=2.0, cycle=True)",
        ["keras:InverseTimeDecay"] = "keras.optimizers.schedules.InverseTimeDecay(0.1, 100, 0.5, staircase=True, name='itd')",
        ["keras:CosineDecay"] = "keras.optimizers.schedules.CosineDecay(0.0, 1000, alpha=0.1, warmup_target=0.1, warmup_steps=100)",
        ["keras:CosineDecayRestarts"] =
            "keras.optimizers.schedules.CosineDecayRestarts(0.1, first_decay_steps=100, t_mul=1.5, m_mul=0.9, alpha=0.01)",
        ["keras:ReduceLROnPlateau"] = "keras.callbacks.ReduceLROnPlateau(monitor='val_accuracy', factor=0.5, patience=3, "
            + "min_delta=0.01, cooldown=1, min_lr=1e-05)",
        ["paper:noam"] = "noam(d_model=256, warmup_steps=4000, factor=2.0)",
        ["paper:untuned_linear_warmup"] = "untuned_linear_warmup(beta2=0.99)",
        ["paper:untuned_exponential_warmup"] = "ramp.paper.untuned_exponential_warmup(0.999)",
        ["bolts:LinearWarmupCosineAnnealingLR"] = "pl_bolts.optimizers.lr_scheduler.LinearWarmupCosineAnnealingLR(optimizer, "
            + "warmup_epochs=10, max_epochs=100, warmup_start_lr=0.001, eta_min=0.0001)",
    };

    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (var entry in PeerCatalog.All) data.Add($"{entry.Peer}:{entry.Name}");
        return data;
    }

    [Fact]
    public void EveryEntryHasACall()
    {
        var names = PeerCatalog.All.Select(e => $"{e.Peer}:{e.Name}").ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Empty(names.Except(Calls.Keys));
        Assert.Empty(Calls.Keys.Except(names));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Prints_as_its_python_call_and_parses_back_equal(string key)
    {
        var spec = ScheduleText.Parse(Calls[key]);
        var printed = spec.ToString()!;
        Assert.Matches(@"^[a-z_.]+\.[A-Za-z_]+\(.*\)$", printed);
        var reparsed = ScheduleText.Parse(printed);
        Assert.Equal(spec, reparsed);
        Assert.Equal(printed, reparsed.ToString());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void A_declared_entry_prints_its_own_name(string key)
    {
        var entry = PeerCatalog.All.Single(e => $"{e.Peer}:{e.Name}" == key);
        if (entry.Record is null) return; // custom builders print the record they build (linear_schedule is a polynomial)
        var printed = ScheduleText.Parse(Calls[key]).ToString()!;
        Assert.StartsWith($"{entry.Modules[0]}.{entry.Name}(", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_builders_are_only_the_irregular_calls()
    {
        var custom = PeerCatalog.All.Where(e => e.Record is null).Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "cosine_onecycle_schedule", "get_reduce_on_plateau_schedule", "get_scheduler", "linear_onecycle_schedule",
                "linear_schedule", "piecewise_constant_schedule", "piecewise_interpolate_schedule", "sgdr_schedule",
                "warmup_constant_schedule", "warmup_cosine_decay_schedule", "warmup_exponential_decay_schedule",
            ],
            custom);
    }

    [Fact]
    public void A_constructor_error_points_at_its_argument()
    {
        const string text = "torch.optim.lr_scheduler.StepLR(optimizer, gamma=0.5, step_size=0)";
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Equal(text.IndexOf("step_size=0", StringComparison.Ordinal) + "step_size=".Length, error.Position);
        Assert.Equal("StepLR: step_size must be positive but was 0", error.Problem);
    }
}
