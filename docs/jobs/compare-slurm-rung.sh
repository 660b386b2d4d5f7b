#!/bin/bash
# Slurm job array: one rung of a successive-halving study, one task per shard, every task in the one study folder
# cmp/halving/. compare-slurm-halving.sh submits it once per rung, each rung after the one before; by hand:
#   sbatch --array=0-3 docs/jobs/compare-slurm-rung.sh 1 eta=3,min_steps=100 --preset fmnist-sgd --grid full
# Arguments: the rung (from 1), the --halving settings, then the study. Rung k trains the task's share of the runs
# that survive rung k-1 (decided once, by the first task, from the rows in cmp/halving/runs/) to rung k's step.
# A task that is cancelled, preempted or times out is resubmitted with the same line: its runs resume.
#SBATCH --job-name=ramp-rung
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=cmp/halving/slurm-%A_%a.out
set -euo pipefail
RUNG=$1
HALVING=$2
shift 2
ramp compare "$@" --halving "$HALVING" --rung "$RUNG" --out cmp/halving \
  --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" --jobs "${SLURM_CPUS_PER_TASK}"
