#!/usr/bin/env bash
# End to end: the real posesmart binary under Xvfb reading the V4L2 test camera (tests/support/fakecam,
# preloaded): frames flow with the format it asked for (the log says which); paused from the
# keyboard, the device is closed (no descriptor of the app's on it); resumed, it is opened again; a
# second process opening the camera makes the app let go of it (the window names that process), and
# the app takes it back once that process has closed it.
#   app_camera_e2e.sh POSESMART FAKECAM_LIB TESTDATA_DIR VIDEO   (exit 77: skipped, tools or video missing)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/desktop_session.sh"

if [[ "${1:-}" != --inside ]]; then
  app="$1" lib="$2" video="${POSESMART_TESTDATA:-$3}/$4"
  for tool in xvfb-run dbus-run-session xdotool; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
  done
  [[ -r "$video" ]] || { echo "skipped: test video $video not found"; exit 77; }
  work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-camera-e2e.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/data" "$work/home" "$work/cams"
  echo '{ "version": 1, "language": "en" }' >"$work/data/settings.json"
  desktop_exec "$work" "$app" "$lib" "$video" "$work"
fi

app="$2" lib="$3" video="$4" work="$5"
node="$work/cams/video0"
fail() { echo "FAIL: $*"; sed 's/^/  app: /' "$work/app.log"; sed 's/^/  camera: /' "$work/fakecam.log"; exit 1; }
# Waits up to $1 s for the command after it to succeed.
within() { local n=$(($1 * 10)); shift; for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done; return 1; }
app_has_camera() { find "/proc/$app_pid/fd" -lname "$node" 2>/dev/null | grep -q .; }
app_lacks_camera() { ! app_has_camera; }
logged() { grep -qF -- "$1" "$work/app.log"; }
logged_after() { tail -n +"$1" "$work/app.log" | grep -qF -- "$2"; }
log_lines() { wc -l <"$work/app.log"; }

touch "$node"
export POSESMART_FAKECAM_DIR="$work/cams" POSESMART_FAKECAM_VIDEO="$video" POSESMART_FAKECAM_LOG="$work/fakecam.log"
QT_LOGGING_RULES="posesmart.capture.info=true" LD_PRELOAD="$lib" \
  "$app" --source "camera:$node" --data-dir "$work/data" >"$work/app.log" 2>&1 &
app_pid=$!

within 60 logged "camera: PoseSmart Test Camera: YUYV 640x480 at 30 fps" || fail "no frame with the format asked for"
app_has_camera || fail "the app does not hold the camera while running"

# Paused from the keyboard (View > Pause monitoring, Ctrl+P): the device is closed.
window="$(timeout 20 xdotool search --sync --onlyvisible --name '^PoseSmart$' | head -1 || true)"
[[ -n "$window" ]] || fail "the window did not show"
xdotool windowfocus "$window"; sleep 0.3; xdotool key ctrl+p
within 10 app_lacks_camera || fail "the camera is still open while paused"
grep -q '^frames filled=[1-9]' "$work/fakecam.log" || fail "no frames were filled before the pause"
mark=$(log_lines)
xdotool windowfocus "$window"; sleep 0.3; xdotool key ctrl+p
within 20 app_has_camera || fail "the camera was not opened again after resuming"
within 20 logged_after "$mark" "camera: PoseSmart Test Camera" || fail "no frames after resuming"

# A second process opens the camera (as a video call would) for 4 s: the app lets go and comes back.
mark=$(log_lines)
LD_PRELOAD="$lib" bash -c "exec 3<>'$node'; sleep 4; exec 3>&-" &
caller=$!
within 10 logged_after "$mark" "camera off: another application is using the camera (bash, pid $caller" ||
  fail "the app did not name the other application"
within 5 app_lacks_camera || fail "the app kept the camera while another application used it"
wait "$caller"
within 20 app_has_camera || fail "the app did not take the camera back"
within 20 logged_after "$mark" "camera: PoseSmart Test Camera" || fail "no frames after taking the camera back"

kill -TERM "$app_pid"
code=0
wait "$app_pid" || code=$?
((code == 0)) || fail "posesmart exited with $code after SIGTERM"
echo "ok: frames at YUYV 640x480 at 30 fps, the camera closed while paused and while another process had it, taken back"
