#!/usr/bin/env bash
# Regenerates every picture of docs/schedules.md with `ramp plot`.
# Run from anywhere: bash docs/make-schedule-pictures.sh
# Each command below appears word for word in docs/schedules.md.
set -euo pipefail
cd "$(dirname "$0")/.."

# The output folder carries the runtime identifier on Linux x64 (docs/packaging.md): ask MSBuild where it is.
DLL=$(dotnet msbuild src/Ramp.Cli -getProperty:TargetPath -p:Configuration=Release)
if [[ ! -f $DLL ]]; then dotnet build src/Ramp.Cli -c Release; fi
ramp() { dotnet "$DLL" "$@"; }
mkdir -p docs/images/schedules

# --- the same warmup + cosine in seven libraries ---
ramp plot "warmup(10) >> cosine(90)" "SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=10), CosineAnnealingLR(T_max=90)], milestones=[10])" "get_cosine_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100)" "CosineLRScheduler(t_initial=100, warmup_t=10)" "warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=100)" "WarmupCosineLR(total_num_steps=100, warmup_num_steps=10, warmup_type='linear')" "CosineDecay(initial_learning_rate=0.0, decay_steps=90, warmup_target=1.0, warmup_steps=10)" --steps 140 --title "Warmup 10 + cosine to step 100, seven ways" -o docs/images/schedules/compare-cosine.png
ramp plot "warmup(10) >> cosine(90)" "SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=10), CosineAnnealingLR(T_max=90)], milestones=[10])" "get_cosine_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100)" "CosineLRScheduler(t_initial=100, warmup_t=10)" "warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=100)" "WarmupCosineLR(total_num_steps=100, warmup_num_steps=10, warmup_type='linear')" "CosineDecay(initial_learning_rate=0.0, decay_steps=90, warmup_target=1.0, warmup_steps=10)" --steps 14 --title "The same, steps 0-13: where each one starts and peaks" -o docs/images/schedules/compare-cosine-start.png

# --- Lightning-Bolts ---
ramp plot "LinearWarmupCosineAnnealingLR(warmup_epochs=10, max_epochs=100)" "LinearWarmupCosineAnnealingLR(warmup_epochs=10, max_epochs=100, warmup_start_lr=0.01, eta_min=0.01)" --steps 150 --base-lr 0.1 --title "Lightning-Bolts LinearWarmupCosineAnnealingLR, base lr 0.1" -o docs/images/schedules/bolts-warmup-cosine.png

# --- native ---
ramp plot "warmup(100)" "cosine_warmup(100)" "log_warmup(100)" "exp_warmup(30)" "constant_warmup(100, factor=0.1)" "warmup(100, start=0.3)" --steps 150 --title "Native warmups" -o docs/images/schedules/native-warmups.png
ramp plot "adam_warmup(beta2=0.99)" "adam_exp_warmup(beta2=0.99)" "untuned_linear_warmup(0.99)" "untuned_exponential_warmup(0.99)" --steps 500 --title "Untuned warmups for Adam, beta2 = 0.99" -o docs/images/schedules/untuned-warmups.png
ramp plot "linear(1000)" "poly(1000, power=2, end=0.1)" "cosine(1000, floor=0.1)" "tanh(1000)" "exp_decay(200, 0.5)" "inv_time(100, 1)" "rsqrt(100)" --steps 1200 --title "Native smooth decays" -o docs/images/schedules/native-decays.png
ramp plot "cosine(1000)" "cosine(1000, exponent=2)" "cosine(1000, k=2)" "cosine(1000, waves=1)" "cosine(1000, floor=0.2)" --steps 1000 --title "cosine and its options" -o docs/images/schedules/native-cosine.png
ramp plot "step(300, gamma=0.5)" "multistep([300, 600, 800], gamma=0.5)" "piecewise([1, 0.4, 0.1], at=[200, 700])" "interp([0.1, 1, 0.01], at=[0, 100, 1000])" "interp([0.1, 1, 0.01], at=[0, 100, 1000], kind=cosine)" --steps 1000 --title "Native steps and piecewise schedules" -o docs/images/schedules/native-piecewise.png
ramp plot "exp_decay(100, 0.5, staircase=true, delay=200, end=0.05)" "exp_decay(100, 0.5)" "inv_time(100, 1, staircase=true)" --steps 1000 --log-y --title "exp_decay and inv_time options (log scale)" -o docs/images/schedules/native-exp.png
ramp plot "cosine_restarts(200)" "cosine_restarts(100, mult=2, decay=0.7, floor=0.05)" "cosine_restarts(300, cycles=2)" --steps 1500 --title "cosine_restarts (SGDR)" -o docs/images/schedules/native-restarts.png
ramp plot "warmup(100) >> wsd(700, 200)" "warmup(100) >> wsd(700, 200, shape=cosine)" "warmup(100) >> wsd(700, 200, shape=sqrt, floor=0.1)" --steps 1100 --title "Warmup-stable-decay" -o docs/images/schedules/native-wsd.png
ramp plot "warmup(100) >> wsd(500, 400)" "warmup(100) >> wsd(500, 400, shape=cosine)" "warmup(100) >> wsd(500, 400, shape=sqrt)" "warmup(100) >> wsd(500, 400, shape=square)" "warmup(100) >> wsd(500, 400, shape=exp, half_life=80)" --steps 1100 --title "WSD decay shapes: linear, cosine, 1-sqrt, 1-square, exp (half-life 80)" -o docs/images/schedules/native-wsd-shapes.png
ramp plot "warmup(100) >> linear(899)" "warmup(100) >> cosine(900)" "warmup(100) >> linear(900, end=0.1)" --steps 1000 --title "Linear to zero (warmup 100, 1000 steps) against cosine and linear to 10%" -o docs/images/schedules/native-linear-to-zero.png
ramp plot "power(10, -0.5, warmup=50, decay=100, total=1000)" "power(10, -0.5, warmup=50, decay=100, total=1000, shape=exp, half_life=20)" "power(20, -0.5, warmup=50, decay=100, total=1000, shape=sqrt)" "warmup(50) >> wsd(850, 100)" --steps 1100 --title "Power scheduler: warmup, capped power law, final decay (WSD for scale)" -o docs/images/schedules/native-power.png
ramp plot "onecycle(1000)" "onecycle(1000, three_phase=true)" "onecycle(1000, pct=0.1, anneal=linear)" "momentum(onecycle(1000))" --steps 1000 --title "onecycle (factors of the peak) and its momentum" -o docs/images/schedules/native-onecycle.png
ramp plot "cyclic(100)" "cyclic(100, mode=triangular2)" "cyclic(50, 150, low=0.2, mode=exp_range, gamma=0.998)" --steps 800 --title "cyclic modes" -o docs/images/schedules/native-cyclic.png
ramp plot "warmup(100) >> cosine(900, floor=0.1)" "step(300) * exp_warmup(100)" "per_epoch(100, step(3, gamma=0.5))" "join(warmup(50), constant(0.5), linear(300), at=[50, 400])" "0.5 * cosine(1000)" --steps 1000 --title "Composition: >>, *, per_epoch, join, scaling" -o docs/images/schedules/native-composition.png
ramp plot "per_group(warmup(100) >> cosine(900), scale=[1, 0.3])" --steps 1000 --base-lr 0.1,0.1 --title "per_group: two groups, the second scaled by 0.3" -o docs/images/schedules/native-groups.png

# --- papers ---
ramp plot "noam(512, 4000)" "0.0006987712429686843 * (warmup(4000) >> rsqrt(4000))" --steps 20000 --title "Noam (d_model 512, warmup 4000) and its native form" -o docs/images/schedules/paper-noam.png

# --- PyTorch ---
ramp plot "StepLR(step_size=30)" "MultiStepLR(milestones=[30, 60, 80])" "ExponentialLR(gamma=0.97)" "PolynomialLR(total_iters=80, power=2)" "ConstantLR(factor=0.5, total_iters=20)" "LinearLR(start_factor=0.25, total_iters=20)" --steps 100 --base-lr 0.1 --title "PyTorch: step-driven decays, base lr 0.1" -o docs/images/schedules/torch-decays.png
ramp plot "CosineAnnealingLR(T_max=100, eta_min=0.001)" "cosine(100, floor=0.01)" "CosineAnnealingWarmRestarts(T_0=50, T_mult=2)" --steps 300 --base-lr 0.1 --title "PyTorch cosines (base lr 0.1) and the clamped native cosine" -o docs/images/schedules/torch-cosine.png
ramp plot "OneCycleLR(max_lr=0.1, total_steps=1000)" "OneCycleLR(max_lr=0.1, total_steps=1000, three_phase=True, anneal_strategy='linear')" --steps 1000 --base-lr 0.1 --title "PyTorch OneCycleLR (lr and momentum)" -o docs/images/schedules/torch-onecycle.png
ramp plot "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=100)" "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=100, mode='triangular2')" "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=50, step_size_down=150, mode='exp_range', gamma=0.998)" --steps 800 --base-lr 0.1 --title "PyTorch CyclicLR (lr only; momentum not drawn)" -o docs/images/schedules/torch-cyclic.png
ramp plot "SequentialLR(schedulers=[LinearLR(start_factor=0.01, total_iters=50), CosineAnnealingLR(T_max=250)], milestones=[50])" "SequentialLR(schedulers=[ExponentialLR(gamma=0.98), ConstantLR(factor=0.5, total_iters=100)], milestones=[100])" "ChainedScheduler(schedulers=[LinearLR(start_factor=0.1, total_iters=50), ExponentialLR(gamma=0.99)])" "SWALR(swa_lr=0.02, anneal_epochs=50)" --steps 300 --base-lr 0.1 --title "PyTorch composites and SWALR, base lr 0.1" -o docs/images/schedules/torch-composite.png

# --- transformers ---
ramp plot "get_constant_schedule_with_warmup(num_warmup_steps=100)" "get_linear_schedule_with_warmup(num_warmup_steps=100, num_training_steps=1000)" "get_cosine_schedule_with_warmup(num_warmup_steps=100, num_training_steps=1000)" "get_cosine_with_hard_restarts_schedule_with_warmup(num_warmup_steps=100, num_training_steps=1000, num_cycles=3)" "get_polynomial_decay_schedule_with_warmup(num_warmup_steps=100, num_training_steps=1000, lr_end=0.1, power=2)" "get_inverse_sqrt_schedule(num_warmup_steps=100)" --steps 1200 --title "transformers helpers, W = 100, T = 1000" -o docs/images/schedules/hf-helpers.png
ramp plot "get_cosine_with_min_lr_schedule_with_warmup(num_warmup_steps=100, num_training_steps=1000, min_lr_rate=0.1)" "get_cosine_with_min_lr_schedule_with_warmup_lr_rate(num_warmup_steps=100, num_training_steps=1000, min_lr_rate=0.1)" "get_wsd_schedule(num_warmup_steps=100, num_decay_steps=200, num_training_steps=1000)" "get_wsd_schedule(num_warmup_steps=100, num_decay_steps=200, num_training_steps=1000, warmup_type='cosine', decay_type='1-sqrt', min_lr_ratio=0.1)" --steps 1200 --title "transformers: min-lr cosines and WSD" -o docs/images/schedules/hf-minlr-wsd.png

# --- timm ---
ramp plot "CosineLRScheduler(t_initial=100, warmup_t=10)" "CosineLRScheduler(t_initial=90, warmup_t=10, warmup_prefix=True)" "CosineLRScheduler(t_initial=40, lr_min=0.05, cycle_mul=1.5, cycle_decay=0.7, cycle_limit=3)" "CosineLRScheduler(t_initial=100, k_decay=2)" --steps 150 --title "timm CosineLRScheduler" -o docs/images/schedules/timm-cosine.png
ramp plot "TanhLRScheduler(t_initial=100, warmup_t=10)" "PolyLRScheduler(t_initial=100, warmup_t=10)" "PolyLRScheduler(t_initial=100, power=2, lr_min=0.1)" "CosineLRScheduler(t_initial=100, noise_range_t=[30, 80], noise_pct=0.2)" --steps 120 --title "timm tanh, poly and noise" -o docs/images/schedules/timm-tanh-poly.png
ramp plot "StepLRScheduler(decay_t=30, decay_rate=0.5, warmup_t=5)" "MultiStepLRScheduler(decay_t=[30, 60, 90], decay_rate=0.5)" "MultiStepLR(milestones=[30, 60, 90], gamma=0.5)" --steps 100 --title "timm step schedulers; timm's multistep decays one step early" -o docs/images/schedules/timm-steps.png

# --- optax ---
ramp plot "warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=100, decay_steps=1000, end_value=0.1)" "warmup_exponential_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=100, transition_steps=100, decay_rate=0.7, end_value=0.05)" "warmup_constant_schedule(init_value=0.1, peak_value=0.5, warmup_steps=200)" "cosine_decay_schedule(init_value=1.0, decay_steps=800, alpha=0.1, exponent=2)" --steps 1100 --title "optax warmup and cosine schedules (absolute values)" -o docs/images/schedules/optax-warmup.png
ramp plot "linear_onecycle_schedule(transition_steps=1000, peak_value=1.0)" "cosine_onecycle_schedule(transition_steps=1000, peak_value=1.0)" "sgdr_schedule([dict(init_value=0.0, peak_value=1.0, warmup_steps=50, decay_steps=400), dict(init_value=0.0, peak_value=0.5, warmup_steps=50, decay_steps=600)])" --steps 1100 --title "optax one-cycle and SGDR" -o docs/images/schedules/optax-cycles.png
ramp plot "polynomial_schedule(init_value=1.0, end_value=0.1, power=2, transition_steps=500, transition_begin=200)" "exponential_decay(init_value=1.0, transition_steps=100, decay_rate=0.5, transition_begin=100, staircase=True, end_value=0.05)" "piecewise_constant_schedule(init_value=0.8, boundaries_and_scales={300: 0.5, 600: 0.2})" "piecewise_interpolate_schedule('cosine', 0.8, {300: 0.5, 600: 0.2})" "join_schedules([linear_schedule(0.0, 0.6, 100), constant_schedule(0.6)], [100])" --steps 1000 --title "optax primitives and join" -o docs/images/schedules/optax-primitives.png

# --- DeepSpeed ---
ramp plot "WarmupLR(warmup_num_steps=100)" "WarmupLR(warmup_num_steps=100, warmup_type='linear')" "WarmupDecayLR(total_num_steps=1000, warmup_max_lr=1.0, warmup_num_steps=100)" "WarmupCosineLR(total_num_steps=1000, warmup_num_steps=100)" --steps 1200 --title "DeepSpeed warmups (log by default), base lr 1" -o docs/images/schedules/deepspeed-warmup.png
ramp plot "OneCycle(cycle_min_lr=0.1, cycle_max_lr=1.0, cycle_first_step_size=300, decay_lr_rate=0.5, decay_step_size=50)" "OneCycle(cycle_min_lr=0.1, cycle_max_lr=1.0, cycle_first_step_size=200, cycle_second_step_size=400, cycle_first_stair_count=4)" "LRRangeTest(lr_range_test_min_lr=0.05, lr_range_test_step_size=100, lr_range_test_staircase=True)" --steps 1000 --title "DeepSpeed OneCycle and LRRangeTest" -o docs/images/schedules/deepspeed-cycles.png

# --- Keras ---
ramp plot "ExponentialDecay(1.0, 100, 0.7)" "ExponentialDecay(1.0, 100, 0.7, staircase=True)" "InverseTimeDecay(1.0, 100, 0.5)" "PolynomialDecay(1.0, 300, 0.1, power=2, cycle=True)" "PiecewiseConstantDecay([300, 600], [1.0, 0.5, 0.1])" --steps 1000 --title "Keras decays (absolute values)" -o docs/images/schedules/keras-decays.png
ramp plot "CosineDecay(1.0, 1000, alpha=0.1)" "CosineDecay(0.0, 900, warmup_target=1.0, warmup_steps=100)" "CosineDecayRestarts(1.0, 100, m_mul=0.8)" "CosineDecayRestarts(1.0, 200, t_mul=1.0, alpha=0.2)" --steps 1200 --title "Keras cosines" -o docs/images/schedules/keras-cosine.png

# --- plateau rules: a table, not a picture (ramp plot takes no metrics); prints the rows used in the doc ---
for spec in "ReduceLROnPlateau(factor=0.5, patience=2)" "get_reduce_on_plateau_schedule(factor=0.5, patience=2)" "PlateauLRScheduler(decay_rate=0.5, patience_t=2, mode='min')" "PlateauLRScheduler(decay_rate=0.5, patience_t=2, mode='min', warmup_t=3, warmup_lr_init=0.1)" "keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=2)" "reduce_on_plateau(factor=0.5, patience=2)"; do
  echo "$spec"
  ramp lr "$spec" --steps 13 --metrics docs/images/schedules/plateau-val-loss.txt | tail -n +2 | cut -d, -f2 | paste -sd' '
done
