#!/usr/bin/env python3
"""Replays `ramp compare --halving eta=E,min_steps=N` on a comparison trained in full (docs/compare.md).

Halving's decisions depend only on each run's rows before a rung, and a run continued from its rung checkpoint has
the same rows as the uninterrupted one (exact resume), so the full grid's rows give the very decisions a halving run
would take. This is the rule of src/Ramp.Training/Studies/Halving (first rung max(min_steps, end of the arm's
warmup: the first step at which its rate peaks, 0 for auto()), rungs x eta, within each arm, seed means of the last 25 rows' training accuracy, diverged last,
keep ceil(n/eta), ties to the smaller peak), written again in Python to measure it on the full grids:

    python3 build/halving/replay.py DIR ETA MIN_STEPS [--naive] [--auto-waits] [--seeds 1,2] [--check HALVING.jsonl]

--naive replays the rule Ramp does not use, to show the short-horizon bias it avoids: every cell of a case study
compared with every other (arms mixed) from min_steps on, warmups or not. --auto-waits replays a rule Ramp does not
have (yet): a cell whose automatic warmup is still on at a rung (a run's controller has not ended it, summary.json's
auto_warmup.ended_at) is not judged there and goes on to the next rung, as fixed warmups are never judged before
they end. --seeds keeps only those seeds' runs (the
decisions and the finals are then means over them: a grid of fewer seeds). --check compares the replayed decisions
with the halving.jsonl a real `--halving` run of the same grid wrote (saved before a run without --halving removes
it) and fails when one differs. DIR holds runs/ (ramp compare's output). Prints, per case study, the steps halving
trains, the best cell it keeps against the full grid's best, and each arm's full-grid winner that it prunes. A cell's
final is the mean over its seeds of each run's final test accuracy (training accuracy when there is none), a
non-finite one counting as 0: summary.csv's mean_final.
"""
import csv, glob, json, math, os, sys


def runs(root, seeds):
    for d in sorted(glob.glob(os.path.join(root, "runs", "*"))):
        cfg = json.load(open(os.path.join(d, "config.json")))
        if seeds and cfg["seed"] not in seeds: continue
        rows = [r for r in csv.DictReader(open(os.path.join(d, "metrics.csv")))]
        summ = json.load(open(os.path.join(d, "summary.json")))
        final = summ["final"].get("eval_accuracy")
        if final is None or math.isnan(final): final = summ["final"].get("accuracy")
        yield dict(study=cfg["case_study"], arm=cfg["arm"], peak=float(cfg["peak_lr"]), seed=cfg["seed"], steps=cfg["steps"],
                   schedule=cfg["schedule"], rows=rows, status=summ["status"],
                   final=final if final is not None and math.isfinite(final) else 0.0,
                   warmup_ended=(summ.get("auto_warmup") or {}).get("ended_at"))


def warmup_end(arm_runs):
    """The first step at which the arm's rate reaches its largest value (HalvingLadder.WarmupEnd), read from the lr
    column of its longest run, which is the schedule times the peak; 0 for an automatic warmup."""
    if arm_runs[0]["schedule"].lstrip().startswith("auto("): return 0
    rows = max(arm_runs, key=lambda r: len(r["rows"]))["rows"]
    best, at = -math.inf, 0
    for t, r in enumerate(rows):
        v = float(r["lr"])
        if t == 0 or v > best * (1 + 1e-12): best, at = v, t
    return at


def metric_at(run, step):
    rows = [r for r in run["rows"] if int(r["step"]) < step]
    if len(rows) < step:
        if run["status"] == "diverged": return math.nan
        raise SystemExit(f"{run['arm']} {run['peak']}: {len(rows)} rows, rung {step}")
    vals = [float(r["accuracy"]) for r in rows[-25:] if r["accuracy"] not in ("", "NaN") and math.isfinite(float(r["accuracy"]))]
    return sum(vals) / len(vals) if vals else math.nan


def warming(cell_runs, step):
    """Whether an automatic warmup of the cell is still on at the step: a run that has not diverged by then and whose
    controller had not ended its warmup (summary.json's auto_warmup.ended_at) before it."""
    return any(r["schedule"].lstrip().startswith("auto(") and len(r["rows"]) >= step
               and (r["warmup_ended"] is None or r["warmup_ended"] >= step) for r in cell_runs)


def replay(all_runs, eta, min_steps, naive, auto_waits=False):
    """Steps trained per case study, the pruned cells {(study, arm, peak): (rung, step)} and every decision."""
    arms = {}
    for r in all_runs:
        group, cell = ((r["study"],), (r["arm"], r["peak"])) if naive else ((r["study"], r["arm"]), r["peak"])
        arms.setdefault(group, {}).setdefault(cell, []).append(r)
    trained, pruned, decisions = {}, {}, []
    for key, cells in arms.items():
        first = next(iter(cells.values()))[0]
        rungs, s = [], min_steps if naive else max(min_steps, warmup_end([r for c in cells.values() for r in c]))
        while s < first["steps"]: rungs.append(s); s *= eta
        alive, spent = sorted(cells), 0
        for k, step in enumerate(rungs):
            waiting = [p for p in alive if auto_waits and warming(cells[p], step)]
            judged = [p for p in alive if p not in waiting]
            score = {p: sum(metric_at(r, step) for r in cells[p]) / len(cells[p]) for p in judged}
            ranked = sorted(judged, key=lambda p: (math.isnan(score[p]), -score[p] if not math.isnan(score[p]) else 0, p))
            keep = math.ceil(len(ranked) / eta)
            for place, p in enumerate(ranked):
                arm, peak = (p[0], p[1]) if naive else (key[1], p)
                decisions.append((k, step, key[0], arm, peak, place < keep))
            for p in ranked[keep:]:
                pruned[(key[0], p[0], p[1]) if naive else (key[0], key[1], p)] = (k, step)
                spent += sum(min(step, len(r["rows"])) for r in cells[p])
            alive = sorted(ranked[:keep] + waiting)
        spent += sum(len(r["rows"]) for p in alive for r in cells[p])
        trained[key[0]] = trained.get(key[0], 0) + spent
    return trained, pruned, decisions


def check(decisions, path):
    real = set()
    for line in open(path):
        d = json.loads(line)
        real.add((d["rung"], d["step"], d["case_study"], d["arm"], float(d["peak_lr"]), d["kept"]))
    replayed = set(decisions)
    if real != replayed:
        for x in sorted(real - replayed, key=str): print(f"  only in {path}: {x}")
        for x in sorted(replayed - real, key=str): print(f"  only in the replay: {x}")
        raise SystemExit(f"the replay differs from {path}")
    print(f"the replay takes the {len(real)} decisions of {path}, every one")


def main():
    args = sys.argv[1:]
    naive = "--naive" in args
    seeds = [int(s) for s in args[args.index("--seeds") + 1].split(",")] if "--seeds" in args else None
    checked = args[args.index("--check") + 1] if "--check" in args else None
    root, eta, min_steps = args[0], int(args[1]), int(args[2])
    all_runs = list(runs(root, seeds))
    trained, pruned, decisions = replay(all_runs, eta, min_steps, naive, "--auto-waits" in args)
    finals = {}
    for r in all_runs: finals.setdefault((r["study"], r["arm"], r["peak"]), []).append(r["final"])
    cells = {c: sum(v) / len(v) for c, v in finals.items()}
    which = f"seeds {','.join(map(str, seeds))}" if seeds else "all seeds"
    print(f"{'naive ' if naive else ''}eta={eta} min_steps={min_steps}, {which}:")
    for study in sorted({c[0] for c in cells}):
        full = sum(r["steps"] for r in all_runs if r["study"] == study)
        mine = {c: v for c, v in cells.items() if c[0] == study}
        best = max(mine, key=lambda c: (mine[c], -c[2]))
        kept = {c: v for c, v in mine.items() if c not in pruned}
        found = max(kept, key=lambda c: (kept[c], -c[2]))
        print(f"{study}: trained {trained[study]} of {full} steps ({100 * trained[study] / full:.1f} %)")
        print(f"  full grid's best: {best[1]} lr {best[2]:g} {mine[best]:.4f}; halving's best: {found[1]} lr {found[2]:g}"
              f" {kept[found]:.4f} ({100 * (kept[found] - mine[best]):+.2f} points)")
        for arm in sorted({c[1] for c in mine}):
            cell = {c: v for c, v in mine.items() if c[1] == arm}
            winner = max(cell, key=lambda c: (cell[c], -c[2]))
            kept_arm = {c: v for c, v in cell.items() if c not in pruned}
            if winner in pruned:
                k, step = pruned[winner]
                alt = (f"kept lr {max(kept_arm, key=lambda c: kept_arm[c])[2]:g} ({max(kept_arm.values()):.4f})"
                       if kept_arm else "the whole arm pruned")
                print(f"  pruned winner: {arm} lr {winner[2]:g} ({cell[winner]:.4f}) at rung {k + 1} (step {step}); {alt}")
    if checked: check(decisions, checked)


if __name__ == "__main__":
    main()
