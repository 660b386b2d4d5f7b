#!/bin/bash
# Slurm job array: one task per shard of the full fmnist-sgd grid; each task trains its cells on 2 cores.
# Submit:  sbatch docs/jobs/compare-slurm.sh      Merge when all tasks are done:
#          ramp report cmp/fmnist-full/shard-* --out cmp/fmnist-full/all
#SBATCH --job-name=ramp-compare
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=cmp/fmnist-full/slurm-%A_%a.out
set -euo pipefail
SHARDS=8   # must equal the number of array tasks
OUT=cmp/fmnist-full/shard-${SLURM_ARRAY_TASK_ID}
# A task that is preempted or times out can simply be resubmitted: finished runs are kept, stopped ones resume.
ramp compare --preset fmnist-sgd --grid full --out "$OUT" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" --jobs "${SLURM_CPUS_PER_TASK}"
