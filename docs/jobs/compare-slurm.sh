#!/bin/bash
# Slurm job array: one task per shard of a comparison; each task trains its shard's cells on its cores.
# Run from the folder that is to hold cmp/study/ (ramp on PATH):
#   mkdir -p cmp/study && sbatch docs/jobs/compare-slurm.sh         the full fmnist-sgd grid in 8 shards
#   sbatch --array=0-3 docs/jobs/compare-slurm.sh --grid-file my-grid.json   your own study in 4 shards
# The shards are as many as the array's tasks. Merge when all tasks are done:
#   ramp report cmp/study/shard-* --out cmp/study/all
# A task that is cancelled, preempted or times out is simply resubmitted (the same sbatch line): finished runs are
# kept and stopped ones resume from their checkpoints (tests/Ramp.Cli.Tests/Slurm/SlurmArrayTests.cs does both).
#SBATCH --job-name=ramp-compare
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=cmp/study/slurm-%A_%a.out
set -euo pipefail
STUDY=("$@")
[ ${#STUDY[@]} -gt 0 ] || STUDY=(--preset fmnist-sgd --grid full)
ramp compare "${STUDY[@]}" --out "cmp/study/shard-${SLURM_ARRAY_TASK_ID}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" --jobs "${SLURM_CPUS_PER_TASK}"
