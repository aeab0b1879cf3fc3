#!/usr/bin/env bash
# Builds PoseSmart (dev preset) and runs it; arguments go to the program.
# Build messages go to stderr so that the program's own output can be piped.
set -euo pipefail

app=posesmart-cli          # the program to run (build/dev/bin/<app>)
default_args=(--help)      # used when no argument is given

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
(
  cd "$root"
  cmake --preset dev >/dev/null  # status chatter dropped; warnings and errors are on stderr
  cmake --build --preset dev >&2
)
(($# > 0)) || set -- "${default_args[@]}"
exec "$root/build/dev/bin/$app" "$@"
