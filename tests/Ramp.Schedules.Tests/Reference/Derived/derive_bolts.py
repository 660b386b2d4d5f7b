"""Replays Lightning-Bolts' LinearWarmupCosineAnnealingLR.get_lr recurrence (the chainable form a user gets from
scheduler.step()) in float64, for the case in bolts.jsonl. Neither torch nor pl_bolts is imported: the recurrence is
written out from the class's documented behaviour, driven the way shared/reference drives PyTorch schedulers
(read lr[t], then optimizer.step(), then scheduler.step())."""
import json
import math

def run(base_lrs, steps, warmup_epochs, max_epochs, warmup_start_lr=0.0, eta_min=0.0):
    w, m = warmup_epochs, max_epochs
    lrs = None
    rows = []
    for epoch in range(steps):
        if epoch == 0:
            lrs = [warmup_start_lr for _ in base_lrs]
        elif epoch < w:
            lrs = [lr + (b - warmup_start_lr) / (w - 1) for lr, b in zip(lrs, base_lrs)]
        elif epoch == w:
            lrs = list(base_lrs)
        elif (epoch - 1 - m) % (2 * (m - w)) == 0:
            lrs = [lr + (b - eta_min) * (1 - math.cos(math.pi / (m - w))) / 2 for lr, b in zip(lrs, base_lrs)]
        else:
            ratio = (1 + math.cos(math.pi * (epoch - w) / (m - w))) / (1 + math.cos(math.pi * (epoch - w - 1) / (m - w)))
            lrs = [ratio * (lr - eta_min) + eta_min for lr in lrs]
        rows.append(list(lrs))
    return rows

spec = ("pl_bolts.optimizers.lr_scheduler.LinearWarmupCosineAnnealingLR("
        "warmup_epochs=10, max_epochs=100, warmup_start_lr=0.001, eta_min=0.0001)")
base = [0.1, 0.01]
case = {"id": "bolts.LinearWarmupCosineAnnealingLR.s0", "peer": "bolts", "spec": spec, "base_lrs": base, "steps": 130,
        "lr": run(base, 130, 10, 100, 0.001, 0.0001),
        "note": "derived: Lightning-Bolts' get_lr recurrence replayed in float64 by derive_bolts.py, not produced by pl_bolts"}
print(json.dumps(case))
