#!/usr/bin/env bash
# Builds PoseSmart with the CI preset (warnings are errors) and runs the tests.
# Extra arguments go to ctest, e.g. scripts/test.sh -R blink
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
cmake --preset ci
cmake --build --preset ci
# Two at a time: the suite is about 35 minutes of tests on two cores, most of them one thread each
# (the whole suite passed this way, -j2, on the merged tree).
exec ctest --preset ci --parallel 2 "$@"
