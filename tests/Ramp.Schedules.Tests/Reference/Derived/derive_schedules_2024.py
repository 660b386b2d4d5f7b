"""Reference sequences for the 2024-2026 schedules that no peer library ships with these shapes: warmup-stable-decay
with the 1-square and MiniCPM exponential decays, linear decay to zero, and the Power scheduler. Each is computed in
float64 from the paper's own piecewise formula (the Power scheduler in tokens, as the paper writes it), not from
Ramp's code, and driven as the shared reference drives a factor schedule: lr[t][g] = base_lrs[g] * factor(t), where
t = 0 is the first update and n = t + 1 counts updates (Ramp's native convention, docs/schedules.md)."""
import json
import math

BASE = [0.1, 0.01]


def warmup_then(w, after):
    """Ramp's linear warmup (n / W for update n = t + 1), then `after` counting its own steps from 0."""
    return lambda t: (t + 1) / w if t < w else after(t - w)


def wsd(stable, decay, floor, fall):
    """Hu et al. 2024: 1 while stable, then floor + (1 - floor) * fall(steps into the decay), held from its end."""
    def f(s):
        if s < stable:
            return 1.0
        d = min(s - stable, decay)
        return floor + (1 - floor) * fall(d)
    return f


def power(a, b, warmup, decay, total, tokens, fall):
    """Shen et al. 2024 in tokens: n/N_w * P(N_w) while n < N_w; P(n) up to N - N_decay; then fall * P(N - N_decay)."""
    def p(n):
        return min(1.0, a * n ** b)
    n_w, n_total, n_decay = warmup * tokens, total * tokens, decay * tokens

    def f(t):
        n = (t + 1) * tokens
        if n < n_w:
            return n / n_w * p(n_w)
        if n <= n_total - n_decay:
            return p(n)
        n = min(n, n_total)
        return fall(n - (n_total - n_decay), n_decay) * p(n_total - n_decay)
    return f


def case(name, spec, steps, factor, what):
    return {"id": f"native.{name}.s0", "peer": "native", "spec": spec, "base_lrs": BASE, "steps": steps,
            "lr": [[b * factor(t) for b in BASE] for t in range(steps)],
            "note": f"derived: {what}, computed in float64 by derive_schedules_2024.py from the paper's formula"}


cases = [
    case("wsd.square", "warmup(20) >> wsd(100, 80, shape=square, floor=0.1)", 230,
         warmup_then(20, wsd(100, 80, 0.1, lambda d: 1 - (d / 80) ** 2)),
         "warmup-stable-decay with the 1-square cooldown, 1 - (d/D)^2"),
    case("wsd.exp", "warmup(20) >> wsd(100, 80, shape=exp, half_life=25)", 230,
         warmup_then(20, wsd(100, 80, 0.0, lambda d: 0.5 ** (d / 25))),
         "MiniCPM's exponential decay 0.5^((s - S)/T) with half-life T = 25, held after the decay"),
    case("linear_to_zero", "warmup(25) >> linear(174)", 230,
         lambda t: (t + 1) / 25 if t < 25 else max(0.0, (199 - t) / (199 - 25)),
         "linear decay to zero at the last of 200 updates (Bergsma et al. 2025)"),
    case("power.linear", "power(40, -0.51, warmup=20, decay=40, total=300, tokens=8)", 330,
         power(40, -0.51, 20, 40, 300, 8, lambda m, nd: (nd - m) / nd),
         "the Power scheduler with the paper's linear final decay (N - n)/N_decay"),
    case("power.exp", "power(40, -0.51, warmup=20, decay=40, total=300, tokens=8, shape=exp, half_life=10)", 330,
         power(40, -0.51, 20, 40, 300, 8, lambda m, nd: 0.5 ** (m / (10 * 8))),
         "the Power scheduler with an exponential final decay halving every 10 steps (80 tokens)"),
]
for c in cases:
    print(json.dumps(c))
