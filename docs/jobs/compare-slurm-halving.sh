#!/bin/bash
# Successive halving on Slurm: one job array per rung (compare-slurm-rung.sh), each rung submitted with
# --dependency=afterok on the one before, then `ramp report` as a last job that merges the study. Run it with bash
# (it submits; it is not itself a job) from the folder that is to hold cmp/halving/, with ramp on PATH:
#   bash docs/jobs/compare-slurm-halving.sh                        the full fmnist-sgd grid, eta=3,min_steps=100, 4 tasks a rung
#   TASKS=8 HALVING=eta=3,min_steps=200 bash docs/jobs/compare-slurm-halving.sh --grid-file my-grid.json
# The number of rungs comes from `ramp compare ... --plan`. If a rung fails, the later ones never start (afterok):
# resubmit that rung's array (compare-slurm-rung.sh, the line this script printed), then the rungs after it.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
HALVING=${HALVING:-eta=3,min_steps=100}
TASKS=${TASKS:-4}
STUDY=("$@")
[ ${#STUDY[@]} -gt 0 ] || STUDY=(--preset fmnist-sgd --grid full)
mkdir -p cmp/halving
RUNGS=$(ramp compare "${STUDY[@]}" --halving "$HALVING" --out cmp/halving --plan | grep -c '^rung ')
AFTER=()
for ((k = 1; k <= RUNGS; k++)); do
  JOB=$(sbatch --parsable --array="0-$((TASKS - 1))" "${AFTER[@]}" "$HERE/compare-slurm-rung.sh" "$k" "$HALVING" "${STUDY[@]}")
  JOB=${JOB%%;*}
  echo "rung $k of $RUNGS: job $JOB (sbatch --array=0-$((TASKS - 1)) compare-slurm-rung.sh $k $HALVING ${STUDY[*]})"
  AFTER=(--dependency="afterok:$JOB")
done
JOB=$(sbatch --parsable "${AFTER[@]}" --job-name=ramp-report --output=cmp/halving/slurm-report-%j.out --wrap="ramp report cmp/halving")
echo "report: job ${JOB%%;*} (then cmp/halving/report.html and summary.csv)"
