#!/usr/bin/env bash
# Runs every test project and prints one line of totals: "Tests: N passed, N failed[, N skipped]".
# On a fresh machine it first installs what the tests need beyond the .NET SDK.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh || { echo "Tests: 0 passed, 1 failed (prerequisites could not be installed)"; exit 1; }

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

echo "==> Building (Release)"
if ! dotnet build Vigil.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "Tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi

echo "==> Testing"
dotnet test Vigil.slnx -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
test_exit=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

projects=$(ls tests/*/*.Tests.csproj | wc -l)
if [ "$files" -lt "$projects" ]; then
  echo "Only $files of $projects test projects reported results."
  failed=$((failed + projects - files))
fi

line="Tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"

if [ "$failed" -gt 0 ] || [ "$test_exit" -ne 0 ]; then
  exit 1
fi
