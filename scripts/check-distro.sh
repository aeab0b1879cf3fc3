#!/usr/bin/env bash
# Tries the README's quick start as a newcomer would, on a fresh Debian root file system:
#   scripts/check-distro.sh bookworm|trixie
# Makes a minimal root with debootstrap (kept as a base in $POSESMART_CHROOTS, default ../chroots
# next to this clone, and copied afresh for every run), clones this repository's committed HEAD into
# it with ../shared next to the clone (bind-mounted read-only), and runs inside it, as root:
# scripts/test.sh, then `scripts/run.sh --version` under xvfb-run (it must start the app test.sh
# built within 100 s, without building again). Prints ctest's summary. The compiler cache is kept per release ($POSESMART_CHROOTS/
# ccache-RELEASE) so a second run compiles little. Needs root; installs debootstrap when missing.
# Takes 30-50 minutes on two cores. Not part of the tests.
set -euo pipefail

release="${1:-}"
[[ "$release" == @(bookworm|trixie) ]] || { echo "usage: check-distro.sh bookworm|trixie" >&2; exit 2; }
((EUID == 0)) || { echo "check-distro.sh: needs root (debootstrap, chroot, mount)" >&2; exit 1; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$root/../shared" && pwd)" || { echo "check-distro.sh: no ../shared next to $root" >&2; exit 1; }
chroots="${POSESMART_CHROOTS:-$root/../chroots}"
mkdir -p "$chroots" && chroots="$(cd "$chroots" && pwd)"
[[ "$chroots/" != "$root/"* ]] || { echo "check-distro.sh: POSESMART_CHROOTS must be outside the repository" >&2; exit 1; }
base="$chroots/base/$release"
fresh="$chroots/run-$release"
log="$chroots/check-$release.log"
step() { echo "[check-distro $release, $(date -u +%H:%M:%S)] $*"; }

if ! command -v debootstrap >/dev/null; then
  step "installing debootstrap"
  apt-get install -y --no-install-recommends debootstrap
fi
if [[ ! -e "$base/etc/os-release" ]]; then
  step "debootstrap --variant=minbase $release $base"
  rm -rf --one-file-system "$base.tmp"
  debootstrap --variant=minbase "$release" "$base.tmp" http://deb.debian.org/debian
  mv "$base.tmp" "$base"
fi

mounted() { grep -q " $fresh[/ ]" /proc/mounts; }
unmount_all() {
  # Deepest first; lazily, so a process still running in the root cannot keep the mounts.
  { grep -o " $fresh[^ ]*" /proc/mounts || true; } | sort -r | while read -r point; do umount -l "$point" || true; done
}
trap unmount_all EXIT
unmount_all
if mounted; then echo "check-distro.sh: $fresh still has mounts; not removing it" >&2; exit 1; fi
step "fresh root $fresh (a copy of $base)"
rm -rf --one-file-system "$fresh"
cp -a "$base" "$fresh"
cp /etc/resolv.conf "$fresh/etc/resolv.conf"
# A host behind a TLS-inspecting proxy trusts its CA through NODE_EXTRA_CA_CERTS: npm inside needs it too.
node_ca=()
if [[ -n "${NODE_EXTRA_CA_CERTS:-}" && -r "$NODE_EXTRA_CA_CERTS" ]]; then
  cp "$NODE_EXTRA_CA_CERTS" "$fresh/etc/host-ca-certificates.crt"
  node_ca=(NODE_EXTRA_CA_CERTS=/etc/host-ca-certificates.crt)
fi

step "cloning $(git -C "$root" rev-parse --short HEAD) ($(git -C "$root" log -1 --format=%s | cut -c1-60)...)"
git clone --quiet "$root" "$fresh/work/PoseSmart"
mkdir -p "$fresh/work/shared" "$chroots/ccache-$release" "$fresh/root/.cache/ccache"
mount -t proc proc "$fresh/proc"
mount -t sysfs sys "$fresh/sys"
mount --bind /dev "$fresh/dev"
mount --bind /dev/pts "$fresh/dev/pts"
mount --bind "$shared" "$fresh/work/shared"
mount -o remount,ro,bind "$fresh/work/shared"
mount --bind "$chroots/ccache-$release" "$fresh/root/.cache/ccache"

step "inside: scripts/test.sh, then scripts/run.sh --version (log: $log)"
inside='
set -uo pipefail
cd /work/PoseSmart
start=$SECONDS
scripts/test.sh
echo "CHECK test.sh exit $? after $((SECONDS - start)) s"
start=$SECONDS
xvfb-run -a scripts/run.sh --version
echo "CHECK run.sh --version exit $? after $((SECONDS - start)) s (the app test.sh built, started at once)"
'
set +e
chroot "$fresh" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 TERM=dumb "${node_ca[@]}" bash -c "$inside" 2>&1 | tee "$log"
set -e

step "summary ($(. "$fresh/etc/os-release" && echo "$PRETTY_NAME"))"
grep -E 'tests passed|tests failed|\(Failed\)|\(Not Run\)|\*\*\*(Failed|Exception|Timeout)|Total Test time|^CHECK ' "$log" || true
grep -q '100% tests passed' "$log" && grep -Eq '^CHECK run.sh --version exit 0 after [0-9]{1,2} s' "$log"
