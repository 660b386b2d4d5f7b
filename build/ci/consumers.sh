#!/usr/bin/env bash
# Packs every package into a folder feed, then uses them as a newcomer would, from a temporary folder outside the
# repository with its own NuGet cache (the feed plus nuget.org): (a) a console project runs the README's C#
# example, (b) a file-based app prints a schedule, (c) the installed tool runs lr, train and doctor, from a tool path
# and from a --global install.
# Usage: bash build/ci/consumers.sh   (docs/packaging.md). About 8.5 minutes on 2 busy cores (docs/BENCHMARKS.md).
# Its folder (about 3.6 GB: feed, NuGet cache, tool, app) is removed on success; RAMP_KEEP_CONSUMERS=1 keeps it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ramp-consumers-XXXXXX")
feed=$work/feed
t0=$(date +%s)
step() { echo "consumers: $* ($(date -u +%T), $(( $(date +%s) - t0 )) s in)"; }

step "packing into $feed"
for project in "$repo"/src/*/*.csproj; do dotnet pack "$project" -c Release -o "$feed" -v quiet -nologo; done
version=$(dotnet msbuild "$repo/src/Ramp.Schedules" -getProperty:Version)
ls -l "$feed"

export NUGET_PACKAGES=$work/nuget-cache
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="ramp-feed" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

step "(a) console project with Ramp.Training $version + TorchSharp-cpu, running the README's C# example"
mkdir "$work/app" && cd "$work/app"
dotnet new console -n App -o . --framework net10.0 >/dev/null
dotnet add package Ramp.Training --version "$version" >/dev/null
dotnet add package TorchSharp-cpu --version 0.107.0 >/dev/null
# The README's first csharp block after "## From C#", as written there.
awk '/^## From C#/{s=1} s&&/^```csharp/{c=1;next} c&&/^```/{exit} c' "$repo/README.md" > Program.cs
test -s Program.cs
dotnet run -c Release 2>&1 | tee run.log
grep -q "^done: 1000 steps" run.log

step "(b) file-based app with #:package Ramp.Schedules@$version"
mkdir "$work/fba" && cd "$work/fba"
awk '/^### A file-based app/{s=1} s&&/^```csharp/{c=1;next} c&&/^```/{exit} c' "$repo/README.md" \
  | sed "s/@[0-9][0-9A-Za-z.+-]*$/@$version/" > schedule.cs
grep -q "#:package Ramp.Schedules@$version" schedule.cs
dotnet run schedule.cs 2>&1 | tee run.log
grep -q "^step 250: " run.log

step "(c) the ramp tool in a temporary tool path"
dotnet tool install Ramp.Cli --version "$version" --tool-path "$work/tools" --add-source "$feed"
ramp() { "$work/tools/ramp" "$@"; }
ramp --version
ramp lr "torch.optim.lr_scheduler.OneCycleLR(max_lr=0.1, total_steps=100)" --steps 100 > "$work/lr.csv"
test "$(wc -l < "$work/lr.csv")" -eq 101
ramp train --model mlp --data fashion-mnist --lr 0.1 --schedule "warmup(5) >> cosine(15)" --steps 20 --out "$work/run"
test -s "$work/run/metrics.csv"
ramp doctor

step "(c') the same tool installed with --global, as the README says (a temporary DOTNET_CLI_HOME holds it)"
DOTNET_CLI_HOME=$work/home dotnet tool install --global Ramp.Cli --version "$version" --add-source "$feed"
global_ramp=$work/home/.dotnet/tools/ramp
test -x "$global_ramp"
"$global_ramp" --version | grep -q "$version"
"$global_ramp" lr "warmup(10) >> cosine(90)" --steps 100 | tail -1 | grep -q "^99,"
"$global_ramp" doctor

if [ "${RAMP_KEEP_CONSUMERS:-}" = 1 ]; then
  step "all consumers passed; feed, caches and projects in $work"
else
  cd "$repo" && rm -rf "$work"
  step "all consumers passed"
fi
