#!/usr/bin/env bash
# Rewrites each shipping library's PublicAPI.Unshipped.txt from its current public surface (RS0016's code fix), so that
# a change to the public API shows up in review as a change to that file. The file is rebuilt from its header because
# the code fix skips symbols once the file already has entries. Name projects to rewrite only those:
#   bash scripts/update-public-api.sh Vigil.Model Vigil.Alerting
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  for file in src/*/PublicAPI.Unshipped.txt; do projects+=("$(basename "$(dirname "$file")")"); done
fi
for project in "${projects[@]}"; do
  printf '#nullable enable\n' > "src/$project/PublicAPI.Unshipped.txt"
  dotnet format analyzers "src/$project/$project.csproj" --diagnostics RS0016 --severity warn -v q
  LC_ALL=C sort -o "src/$project/PublicAPI.Unshipped.txt" "src/$project/PublicAPI.Unshipped.txt"
done
