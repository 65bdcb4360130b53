#!/usr/bin/env bash
# Rewrites src/Vigil/PublicAPI.Unshipped.txt from the SDK's current public surface (RS0016's code
# fix), so that a change to the public API shows up in review as a change to that file. The file is
# rebuilt from its header because the code fix skips symbols once the file already has entries.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '#nullable enable\n' > src/Vigil/PublicAPI.Unshipped.txt
dotnet format analyzers src/Vigil/Vigil.csproj --diagnostics RS0016 --severity warn
LC_ALL=C sort -o src/Vigil/PublicAPI.Unshipped.txt src/Vigil/PublicAPI.Unshipped.txt
