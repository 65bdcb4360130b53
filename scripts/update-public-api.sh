#!/usr/bin/env bash
# Rewrites each shipping library's PublicAPI.Unshipped.txt (src/Vigil, src/Vigil.AspNetCore) from its current public
# surface (RS0016's code fix), so that a change to the public API shows up in review as a change to that file. The file
# is rebuilt from its header because the code fix skips symbols once the file already has entries.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in Vigil Vigil.AspNetCore; do
  printf '#nullable enable\n' > "src/$project/PublicAPI.Unshipped.txt"
  dotnet format analyzers "src/$project/$project.csproj" --diagnostics RS0016 --severity warn
  LC_ALL=C sort -o "src/$project/PublicAPI.Unshipped.txt" "src/$project/PublicAPI.Unshipped.txt"
done
