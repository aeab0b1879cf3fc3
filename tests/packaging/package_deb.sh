#!/usr/bin/env bash
# The .deb end to end: cpack builds it from the already-built tree; its control data (Depends, no
# maintainer scripts) and files are checked, lintian finds no error; apt installs it; the installed
# posesmart-cli analyses a video exactly as the build tree's does and enrols and verifies a face
# (both models found in /usr/share/posesmart/models); its tray icons draw (icon_probe); the installed posesmart runs under Xvfb with a
# session D-Bus, opens its history, analyses frames of the video (read through its frame-source
# module in /usr/lib/<multiarch>/posesmart), and exits with 0 on SIGTERM; `apt-get remove --purge` then
# leaves none of the package's files behind. Whatever happens, the package (and any package apt
# pulled in for it) is removed again on exit.
#   package_deb.sh BUILD_DIR CPACK TESTDATA_DIR BUILD_TREE_CLI ICON_PROBE
# Exit 77 (skipped): not root, apt or dpkg tools missing, test data missing, or posesmart is
# already installed (the test never replaces an installation it did not make).
set -euo pipefail

if [[ "${1:-}" == --inside ]]; then
  # Under xvfb-run and dbus-run-session: the installed app on a video for a few seconds.
  video="$2" data="$3" log="$4"
  QT_LOGGING_RULES="posesmart.startup.info=true" /usr/bin/posesmart --source "$video" --data-dir "$data" >"$log" 2>&1 &
  app_pid=$!
  trap 'kill -KILL "$app_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 80); do
    kill -0 "$app_pid" 2>/dev/null || { echo "posesmart exited early"; exit 1; }
    sleep 0.1
  done
  [[ -f "$data/history.db" ]] || { echo "posesmart did not open its history in $data after 8 s"; exit 1; }
  grep -q "first frame analysed" "$log" || { echo "posesmart analysed no frame of $video in 8 s"; exit 1; }
  kill -TERM "$app_pid"
  code=0
  wait "$app_pid" || code=$?
  ((code == 0)) || { echo "posesmart exited with $code after SIGTERM"; exit 1; }
  exit 0
fi

build="$1" cpack="$2" testdata="${POSESMART_TESTDATA:-$3}" build_cli="$4" icon_probe="$5"
skip() { echo "skipped: $*"; exit 77; }
((EUID == 0)) || skip "installing a package needs root"
for tool in apt-get dpkg dpkg-query dpkg-deb dpkg-shlibdeps xvfb-run dbus-run-session python3; do
  command -v "$tool" >/dev/null || skip "$tool is not installed"
done
video="$testdata/blink/seven_blinks_webcam.mp4"
face_a="$testdata/identity/named/obama/obama.jpg"
face_b="$testdata/identity/named/obama/obama2.jpg"
for file in "$video" "$face_a" "$face_b"; do [[ -r "$file" ]] || skip "test data $file not found"; done
status="$(dpkg-query -W -f='${db:Status-Status}' posesmart 2>/dev/null || true)"
[[ -z "$status" || "$status" == not-installed ]] || skip "posesmart is already on this machine ($status); the test does not replace it"

start=$SECONDS
apt=(apt-get -o DPkg::Lock::Timeout=600 -y -q)
export DEBIAN_FRONTEND=noninteractive
work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-deb.XXXXXX")"
chmod 755 "$work"  # apt's download user reads the .deb from here
installed=()       # packages this test installed: purged on exit
cleanup() {
  local code=$?
  if ((${#installed[@]} > 0)); then
    echo "cleaning up: purging ${installed[*]}"
    "${apt[@]}" remove --purge "${installed[@]}" >"$work/cleanup.log" 2>&1 || cat "$work/cleanup.log"
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "[$((SECONDS - start)) s] $*"; }

step "cpack -G DEB"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
shopt -s nullglob
debs=("$work"/pkg/posesmart_*.deb)
((${#debs[@]} == 1)) || fail "expected one posesmart_*.deb, found: ${debs[*]:-none}"
deb="${debs[0]}"
echo "package: $(basename "$deb"), $(($(stat -c %s "$deb") / 1024 / 1024)) MiB"

step "control data"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
# The SVG icon engine's package: libqt6svg6 on Debian 12, qt6-svg-plugins on Debian 13.
svg_plugin_pkg="$(dpkg-query -S '*/qt6/plugins/iconengines/libqsvgicon.so' | sed 's/[:,].*//')"
for pkg in libdlib-data qt6-qpa-plugins "$svg_plugin_pkg" libqt6widgets6 libqt6dbus6 'libdlib[0-9.]*' \
           'libopencv-core[0-9]*' 'libopencv-videoio[0-9]*' libsqlite3-0 libc6; do
  grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends lacks $pkg"
done
recommends="$(dpkg-deb -f "$deb" Recommends)"
echo "Recommends: $recommends"
grep -Eq '(^|, )fonts-nanum( |,|$)' <<<"$recommends" || fail "Recommends lacks a Korean font (fonts-nanum)"
dpkg-deb -e "$deb" "$work/control"
for file in "$work"/control/*; do
  [[ "$(basename "$file")" == @(control|md5sums) ]] || fail "unexpected control file (a maintainer script?): $file"
done
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents.txt"
for path in /usr/bin/posesmart /usr/bin/posesmart-cli \
            /usr/share/posesmart/models/dlib_face_recognition_resnet_model_v1.dat \
            /usr/share/posesmart/models/shape_predictor_68_face_landmarks.dat \
            /usr/share/applications/io.github.posesmart.PoseSmart.desktop \
            /usr/share/metainfo/io.github.posesmart.PoseSmart.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/io.github.posesmart.PoseSmart.svg \
            /usr/share/icons/hicolor/symbolic/apps/io.github.posesmart.PoseSmart-symbolic.svg \
            /usr/share/doc/posesmart/copyright /usr/share/doc/posesmart/changelog.gz \
            /usr/share/man/man1/posesmart.1.gz /usr/share/man/man1/posesmart-cli.1.gz; do
  grep -qx "$path" "$work/contents.txt" || fail "the package lacks $path"
done
grep -Eqx '/usr/lib/([^/]+/)?posesmart/posesmart_frame_sources\.so' "$work/contents.txt" ||
  fail "the package lacks the frame-source module (/usr/lib/<multiarch>/posesmart/posesmart_frame_sources.so)"
for size in 16 22 24 32 48 64 128 256 512; do
  grep -qx "/usr/share/icons/hicolor/${size}x${size}/apps/io.github.posesmart.PoseSmart.png" "$work/contents.txt" ||
    fail "the package lacks the ${size}x${size} icon"
done

if command -v lintian >/dev/null; then
  step "lintian"
  lintian --tag-display-limit 0 "$deb" >"$work/lintian.txt" 2>&1 || true
  sed 's/^/  /' "$work/lintian.txt"
  ! grep -q '^E: ' "$work/lintian.txt" || fail "lintian reports errors"
fi

step "apt-get install"
# Every package apt installs (posesmart and any missing dependency) is purged again on exit.
mapfile -t installed < <("${apt[@]}" -s install --no-install-recommends "$deb" | awk '$1 == "Inst" {print $2}')
[[ " ${installed[*]} " == *" posesmart "* ]] || fail "apt would not install posesmart: ${installed[*]:-nothing}"
"${apt[@]}" install --no-install-recommends "$deb" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "apt-get install failed"; }
dpkg -L posesmart >"$work/files.txt"
# The package's own files and links (its folders may be shared with other packages).
while read -r path; do
  if [[ -L "$path" || ! -d "$path" ]]; then echo "$path"; fi
done <"$work/files.txt" >"$work/own.txt"
echo "installed $(wc -l <"$work/own.txt") files"

step "installed posesmart-cli"
unset POSESMART_MODEL_DIR
mkdir -m 700 "$work/home"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_RUNTIME_DIR="$work/runtime" && mkdir -m 700 "$XDG_RUNTIME_DIR"
(cd "$work" && /usr/bin/posesmart-cli analyze "$video" --json "$work/installed.json" >/dev/null) ||
  fail "the installed posesmart-cli analyze failed"
"$build_cli" analyze "$video" --json "$work/build-tree.json" >/dev/null || fail "the build tree's posesmart-cli failed"
python3 - "$work/installed.json" "$work/build-tree.json" <<'PY' || fail "the installed posesmart-cli differs from the build tree's"
import json, sys
installed, built = (json.load(open(path)) for path in sys.argv[1:])
for key in ("frames", "blinks", "posture", "alerts"):
    if installed[key] != built[key]:
        sys.exit(f"{key} differ: installed {installed[key]!r}, build tree {built[key]!r}")
if len(installed["blinks"]) == 0:
    sys.exit("no blink found")
print(f"analyze: {installed['frames']} frames, {len(installed['blinks'])} blinks, same as the build tree")
PY
/usr/bin/posesmart-cli identity enroll --profile me --db "$work/identity.db" "$face_a" ||
  fail "the installed posesmart-cli could not enrol a face (Face ID model)"
verdict="$(/usr/bin/posesmart-cli identity verify --db "$work/identity.db" "$face_b")"
echo "verify: $verdict"
[[ "$verdict" == "you: me"* ]] || fail "the same person was not recognised: $verdict"

step "installed tray icons draw"
"$icon_probe" /usr/share/icons/hicolor/symbolic/apps/io.github.posesmart.PoseSmart-*-symbolic.svg ||
  fail "an installed tray icon draws nothing (is Qt's SVG icon engine, $svg_plugin_pkg, installed?)"

step "installed posesmart under Xvfb"
mkdir "$work/data"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  bash "$0" --inside "$video" "$work/data" "$work/app.log" || {
  sed 's/^/  app: /' "$work/app.log"
  fail "the installed posesmart did not run and stop cleanly"
}
echo "posesmart ran 8 s, opened its history, analysed frames and exited with 0 on SIGTERM"

step "apt-get remove --purge"
"${apt[@]}" remove --purge "${installed[@]}" >"$work/remove.log" 2>&1 ||
  { cat "$work/remove.log"; fail "apt-get remove --purge failed"; }
installed=()
status="$(dpkg-query -W -f='${db:Status-Status}' posesmart 2>/dev/null || true)"
[[ -z "$status" || "$status" == not-installed ]] || fail "posesmart is still known to dpkg as $status"
left=()
while read -r path; do
  if [[ -e "$path" || -L "$path" ]]; then left+=("$path"); fi
done <"$work/own.txt"
for dir in /usr/share/posesmart /usr/share/doc/posesmart; do [[ ! -e "$dir" ]] || left+=("$dir"); done
((${#left[@]} == 0)) || fail "files left after purge: ${left[*]}"
step "ok: built, installed, ran and purged posesmart; nothing left behind"
