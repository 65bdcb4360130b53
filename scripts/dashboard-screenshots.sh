#!/usr/bin/env bash
# Saves a PNG of each dashboard view (over the sample data of tests/Vigil.Dashboard.Tests) to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh
dotnet build tests/Vigil.Dashboard.Tests -c Release -nologo -clp:ErrorsOnly
VIGIL_SCREENSHOTS="$PWD/docs/screenshots" dotnet test tests/Vigil.Dashboard.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~EveryViewTests"
