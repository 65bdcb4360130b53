#!/usr/bin/env bash
# vigil exec's overhead beside the bare command and a plain pipe, and the MSBuild logger's on a real multi-project
# build beside the bare build (docs/performance.md, "vigil exec and the MSBuild logger"). Run from the repository root
# after `dotnet build src/Vigil.Cli -c Release`. Needs hyperfine (Debian's package; installed here if missing).
set -euo pipefail
command -v hyperfine >/dev/null || apt-get install -y -o DPkg::Lock::Timeout=600 hyperfine
vigil="$PWD/src/Vigil.Cli/bin/Release/net10.0/Vigil.Cli"
logger="$PWD/src/Vigil.Cli/bin/Release/net10.0/msbuild/Vigil.MSBuild.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
uptime

# Start-up: `true`, bare and under vigil exec (recording into a store file).
hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-markdown "$work/startup.md" \
  -n bare 'true' \
  -n 'vigil exec' "$vigil exec --store $work/s.db -- true" \
  -n 'vigil exec (no store: bare CLI start)' "$vigil --version"
cat "$work/startup.md"

# Time to the child's start: how long after vigil is launched the command itself begins (the child prints its own
# start time). vigil starts the recording SDK while the command runs, so this is what a long command pays up front.
start_delay() {
  local runs=${RUNS:-20} i t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); t1=$("$@" date +%s%N | tail -1); echo $(((t1 - t0) / 1000))
  done | sort -n | awk '{ v[NR] = $1 } END { printf "median %.1f ms, min %.1f ms over %d runs\n", v[int((NR + 1) / 2)] / 1000, v[1] / 1000, NR }'
}
echo "child start, bare:       $(start_delay env)"
echo "child start, vigil exec: $(start_delay "$vigil" exec --store "$work/d.db" --)"

# Throughput: 100 MB of output (1.6 M lines of 64 bytes), through a plain pipe and through vigil exec into a pipe.
head -c 100000000 /dev/zero | tr '\0' 'x' | fold -w 63 > "$work/100mb.txt"
hyperfine --warmup 1 --runs "${RUNS_BIG:-5}" --export-markdown "$work/throughput.md" \
  -n 'cat | cat' "cat $work/100mb.txt | cat > /dev/null" \
  -n 'vigil exec -- cat | cat' "$vigil exec --store $work/t.db -- cat $work/100mb.txt | cat > /dev/null"
cat "$work/throughput.md"

# The logger on a real two-project build (App -> Lib), rebuilt each time, bare and with the logger (-m, distributed).
mkdir -p "$work/sln/Lib" "$work/sln/App"
printf '<configuration><packageSources><clear /></packageSources></configuration>\n' > "$work/sln/nuget.config"
printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n' > "$work/sln/Lib/Lib.csproj"
printf 'namespace Lib;\npublic static class Greeting { public static string Text => "hi"; }\n' > "$work/sln/Lib/Greeting.cs"
printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup><ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup></Project>\n' > "$work/sln/App/App.csproj"
printf 'System.Console.WriteLine(Lib.Greeting.Text);\n' > "$work/sln/App/Program.cs"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
build="dotnet build $work/sln/App/App.csproj -m:2 --no-incremental -nodeReuse:false -p:UseSharedCompilation=false -clp:ErrorsOnly"
dotnet build "$work/sln/App/App.csproj" -nodeReuse:false -p:UseSharedCompilation=false -clp:ErrorsOnly >/dev/null
hyperfine --warmup 1 --runs "${RUNS_BUILD:-5}" --export-markdown "$work/build.md" \
  -n 'dotnet build' "$build" \
  -n 'dotnet build + Vigil.MSBuild' "$build -distributedlogger:$logger;store=$work/b.db*$logger"
cat "$work/build.md"
uptime
