#!/usr/bin/env bash
# Records new public members of the SDK in src/Vigil/PublicAPI.Unshipped.txt (RS0016's code fix),
# so that a change to the public surface shows up in review as a change to that file.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet format analyzers src/Vigil/Vigil.csproj --diagnostics RS0016 RS0017 --severity warn
