#!/usr/bin/env bash
# Builds PoseSmart (the ci preset, like scripts/test.sh: one build folder, so what either built
# the other starts from) and starts the desktop app; arguments go to it
# (e.g. --source VIDEO). `scripts/run.sh cli ARGS...` runs posesmart-cli instead.
# Build messages go to stderr so that the program's own output can be piped.
set -euo pipefail

app=posesmart  # the program to run (build/ci/bin/<app>)
if [[ "${1:-}" == cli ]]; then
  app=posesmart-cli
  shift
  (($# > 0)) || set -- --help
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
(
  cd "$root"
  cmake --preset ci >/dev/null  # status chatter dropped; warnings and errors are on stderr
  cmake --build --preset ci >&2
)
if [[ "$app" == posesmart && -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "run.sh: built, but there is no display (DISPLAY / WAYLAND_DISPLAY unset) to show PoseSmart on." >&2
  echo "        Try: xvfb-run -a scripts/run.sh --source VIDEO, or scripts/run.sh cli --help" >&2
  exit 1
fi
exec "$root/build/ci/bin/$app" "$@"
