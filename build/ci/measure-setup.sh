#!/usr/bin/env bash
# Measures the setup cost of the README's two commands (docs/BENCHMARKS.md): a fresh NuGet cache, then each command,
# printing downloaded .nupkg bytes, cache and clone sizes and wall times. Logs go to /tmp/pkb/<label>-cmd{1,2}.log.
mkdir -p /tmp/pkb
# Usage: bash build/ci/measure-setup.sh <fresh clone> <label>
set -u
cd "$1"
export NUGET_PACKAGES=$(mktemp -d /tmp/nuget-XXXX) DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "label=$2 commit=$(git rev-parse --short HEAD) nuget=$NUGET_PACKAGES start=$(date -u +%T) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "clone_before=$(du -sb . | cut -f1)"
s=$(date +%s); dotnet run --project src/Ramp.Cli -c Release -- compare --preset deep-mlp --grid readme --out runs/demo > /tmp/pkb/$2-cmd1.log 2>&1; rc1=$?; e=$(date +%s)
echo "cmd1 rc=$rc1 wall=$((e-s))s nupkg_bytes=$(find $NUGET_PACKAGES -name '*.nupkg' -printf '%s\n' | awk '{s+=$1} END {print s}') cache=$(du -sb $NUGET_PACKAGES | cut -f1) clone=$(du -sb . | cut -f1)"
s=$(date +%s); dotnet test Ramp.slnx -c Release > /tmp/pkb/$2-cmd2.log 2>&1; rc2=$?; e=$(date +%s)
echo "cmd2 rc=$rc2 wall=$((e-s))s nupkg_bytes=$(find $NUGET_PACKAGES -name '*.nupkg' -printf '%s\n' | awk '{s+=$1} END {print s}') cache=$(du -sb $NUGET_PACKAGES | cut -f1) clone=$(du -sb . | cut -f1) end=$(date -u +%T) load=$(cut -d' ' -f1-3 /proc/loadavg)"
tail -3 /tmp/pkb/$2-cmd2.log
