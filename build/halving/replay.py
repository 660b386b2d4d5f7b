#!/usr/bin/env python3
"""Replays `ramp compare --halving eta=E,min_steps=N` on a comparison trained in full (docs/compare.md).

Halving's decisions depend only on each run's rows before a rung, and a run continued from its rung checkpoint has
the same rows as the uninterrupted one (exact resume), so the full grid's rows give the very decisions a halving run
would take. This is the rule of src/Ramp.Training/Studies/Halving (first rung max(min_steps, end of the arm's
linear warmup), rungs x eta, within each arm, seed means of the last 25 rows' training accuracy, diverged last,
keep ceil(n/eta), ties to the smaller peak), written again in Python to measure it on the full grids:

    python3 build/halving/replay.py DIR ETA MIN_STEPS [--naive]

--naive replays the rule Ramp does not use, to show the short-horizon bias it avoids: every cell of a case study
compared with every other (arms mixed) from min_steps on, warmups or not. DIR holds runs/ and summary.csv (ramp
compare's output). Prints the steps halving trains, the best cell it keeps
against the full grid's best, and each arm's full-grid winner that it prunes.
"""
import csv, glob, json, math, os, re, sys

def runs(root):
    for d in sorted(glob.glob(os.path.join(root, "runs", "*"))):
        cfg = json.load(open(os.path.join(d, "config.json")))
        rows = [r for r in csv.DictReader(open(os.path.join(d, "metrics.csv")))]
        summ = json.load(open(os.path.join(d, "summary.json")))
        yield dict(study=cfg["case_study"], arm=cfg["arm"], peak=float(cfg["peak_lr"]), seed=cfg["seed"], steps=cfg["steps"],
                   schedule=cfg["schedule"], rows=rows, status=summ["status"])

def warmup_end(schedule):
    m = re.match(r"\s*warmup\((\d+)\)", schedule)
    return int(m.group(1)) - 1 if m else 0

def metric_at(run, step):
    rows = [r for r in run["rows"] if int(r["step"]) < step]
    if len(rows) < step:
        if run["status"] == "diverged": return math.nan
        raise SystemExit(f"{run['arm']} {run['peak']}: {len(rows)} rows, rung {step}")
    vals = [float(r["accuracy"]) for r in rows[-25:] if r["accuracy"] not in ("", "NaN") and math.isfinite(float(r["accuracy"]))]
    return sum(vals) / len(vals) if vals else math.nan

def replay(all_runs, eta, min_steps, naive):
    arms = {}
    for r in all_runs:
        group, cell = ((r["study"],), (r["arm"], r["peak"])) if naive else ((r["study"], r["arm"]), r["peak"])
        arms.setdefault(group, {}).setdefault(cell, []).append(r)
    trained, pruned = 0, {}
    for key, cells in arms.items():
        first = next(iter(cells.values()))[0]
        rungs, s = [], min_steps if naive else max(min_steps, warmup_end(first["schedule"]))
        while s < first["steps"]: rungs.append(s); s *= eta
        alive = sorted(cells)
        for k, step in enumerate(rungs):
            score = {p: sum(metric_at(r, step) for r in cells[p]) / len(cells[p]) for p in alive}
            ranked = sorted(alive, key=lambda p: (math.isnan(score[p]), -score[p] if not math.isnan(score[p]) else 0, p))
            keep = math.ceil(len(ranked) / eta)
            for p in ranked[keep:]:
                pruned[((key[0], p[0]), p[1]) if naive else (key, p)] = (k, step)
                trained += sum(min(step, len(r["rows"])) for r in cells[p])
            alive = sorted(ranked[:keep])
        trained += sum(len(r["rows"]) for p in alive for r in cells[p])
    return trained, pruned

def main():
    root, eta, min_steps, naive = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), "--naive" in sys.argv
    all_runs = list(runs(root))
    full = sum(r["steps"] for r in all_runs)
    trained, pruned = replay(all_runs, eta, min_steps, naive)
    cells = {}
    for row in csv.DictReader(open(os.path.join(root, "summary.csv"))):
        if row["scope"] == "cell": cells[((row["case_study"], row["arm"]), float(row["peak_lr"]))] = float(row["mean_final"] or "nan")
    best = max(cells, key=lambda c: cells[c])
    kept = {c: v for c, v in cells.items() if c not in pruned}
    found = max(kept, key=lambda c: kept[c])
    print(f"{'naive ' if naive else ''}eta={eta} min_steps={min_steps}: trained {trained} of {full} steps ({100 * trained / full:.1f} %)")
    print(f"full grid's best: {best[0][1]} lr {best[1]:g} {cells[best]:.4f}; halving's best: {found[0][1]} lr {found[1]:g} {kept[found]:.4f}"
          f" ({100 * (kept[found] - cells[best]):+.2f} points)")
    for key in sorted({c[0] for c in cells}):
        arm = {p: v for (k, p), v in cells.items() if k == key}
        winner = max(arm, key=lambda p: arm[p])
        kept_arm = {p: v for p, v in arm.items() if (key, p) not in pruned}
        if (key, winner) in pruned:
            k, step = pruned[(key, winner)]
            alt = f"kept lr {max(kept_arm, key=lambda p: kept_arm[p]):g} ({max(kept_arm.values()):.4f})" if kept_arm else "the whole arm pruned"
            print(f"  pruned winner: {key[1]} lr {winner:g} ({arm[winner]:.4f}) at rung {k + 1} (step {step}); {alt}")

if __name__ == "__main__":
    main()
