#!/usr/bin/env bash
# Builds PoseSmart with the CI preset (warnings are errors) and runs the tests.
# Extra arguments go to ctest, e.g. scripts/test.sh -R blink
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
cmake --preset ci
cmake --build --preset ci
exec ctest --preset ci "$@"
