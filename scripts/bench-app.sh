#!/usr/bin/env bash
# Cost of running the desktop app, for BENCHMARKS.md: starts the real posesmart binary under Xvfb
# with a session D-Bus on a video paced in real time, and reports
#   - when the window was shown and the first frame analysed (the app's own start-up log, measured
#     from main()), and when the window was mapped on the X server (from the launch, by xwininfo),
#   - average CPU of the process over a measuring window (utime + stime from /proc/PID/stat; 100%
#     is one core), after a warm-up counted from the first frame analysed,
#   - resident memory at the end (VmRSS) and its peak (VmHWM).
#   scripts/bench-app.sh [--enrol] [--tray] [--camera YUYV|MJPG] [--analysis-fps 30|15] POSESMART VIDEO
#                        [SECONDS] [WARMUP_SECONDS]
# --camera: the app reads the V4L2 test camera (tests/support/fakecam, preloaded from the build tree
# beside POSESMART: ../tests/lib) offering only that format at 640x480, 30 or 15 fps, showing VIDEO;
# the CPU is then also given without the test camera's own thread (fakecam-capture), which does in
# the app's process what a webcam does in hardware. --analysis-fps: the app's setting (default 30).
# --tray: a system tray (trayer) is running and the app starts in it (--minimized), its window
# hidden, which is how it spends most of the day.
# --enrol: the person in the video is enrolled first (posesmart-cli identity enroll on a frame taken
# at 5 s, needs ffmpeg), so Face ID verifies them every few seconds as it would for a real user.
# The video must be longer than WARMUP + SECONDS (the app stops analysing at the end of a file).
set -euo pipefail

if [[ "${1:-}" != --inside ]]; then
  enrol="" tray="" camera="" analysis_fps=30
  while [[ "${1:-}" == --* ]]; do
    case "$1" in
      --enrol) enrol=yes ;;
      --tray) tray=yes ;;
      --camera) camera="${2:?--camera YUYV or MJPG}"; shift ;;
      --analysis-fps) analysis_fps="${2:?--analysis-fps 30 or 15}"; shift ;;
      *) echo "unknown option $1"; exit 1 ;;
    esac
    shift
  done
  app="${1:?usage: bench-app.sh [--enrol] POSESMART VIDEO [SECONDS] [WARMUP]}" video="${2:?video}"
  seconds="${3:-60}" warmup="${4:-5}"
  for tool in xvfb-run dbus-run-session xwininfo; do
    command -v "$tool" >/dev/null || { echo "missing $tool (Debian packages xvfb, dbus, x11-utils)"; exit 1; }
  done
  # Without a tray the app shows its window instead, and the figures are not the tray's.
  [[ -z "$tray" ]] || command -v trayer >/dev/null || { echo "missing trayer (scripts/setup.sh screenshots)"; exit 1; }
  work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-bench.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/data" "$work/home"
  echo "{ \"version\": 1, \"language\": \"en\", \"analysis_fps\": $analysis_fps }" >"$work/data/settings.json"
  if [[ -n "$enrol" ]]; then
    ffmpeg -v error -ss 5 -i "$video" -frames:v 1 "$work/face.png"
    "$(dirname "$app")/posesmart-cli" identity enroll --profile default --db "$work/data/history.db" "$work/face.png"
  fi
  export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
  export XDG_RUNTIME_DIR="$work/runtime" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    bash "$0" --inside "$app" "$video" "$seconds" "$warmup" "$work" "$tray" "$camera"
fi

app="$2" video="$3" seconds="$4" warmup="$5" work="$6" tray="$7" camera="$8"
source="$video"
if [[ -n "$camera" ]]; then
  mkdir -p "$work/cams" && touch "$work/cams/video0"
  export POSESMART_FAKECAM_DIR="$work/cams" POSESMART_FAKECAM_VIDEO="$video"
  export POSESMART_FAKECAM_PROFILE="custom:$camera 640x480@30,15" POSESMART_FAKECAM_LOG="$work/fakecam.log"
  export LD_PRELOAD="$(dirname "$app")/../tests/lib/libposesmart_fakecam.so"
  source="camera:$work/cams/video0"
fi
options=()
if [[ -n "$tray" ]]; then
  trayer --edge top --align right --widthtype request --height 28 >/dev/null 2>&1 &
  sleep 1
  options=(--minimized)
fi
ticks="$(getconf CLK_TCK)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# "TID NAME TICKS" for each thread, for the breakdown by thread.
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    # utime and stime are fields 14 and 15 of stat, counted after the name, which may hold spaces.
    echo "${task##*/} $(tr ' ' _ <"$task/comm") $(sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }')"
  done 2>/dev/null
}

launched="$(date +%s%N)"
QT_LOGGING_RULES="posesmart.startup.info=true;posesmart.capture.info=true" \
  "$app" --source "$source" --data-dir "$work/data" "${options[@]}" >"$work/app.log" 2>&1 &
pid=$!
mapped=""
for _ in $(seq "$([[ -n "$tray" ]] && echo 0 || echo 500)"); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"PoseSmart"'; then
    mapped=$((($(date +%s%N) - launched) / 1000000))
    break
  fi
  sleep 0.01
done

# The warm-up starts once a frame has been analysed: on a loaded machine loading the models alone
# can take longer than the warm-up.
for _ in $(seq 1200); do
  grep -qs "first frame analysed" "$work/app.log" && break
  sleep 0.1
done
sleep "$warmup"
kill -0 "$pid" || { cat "$work/app.log"; echo "posesmart exited early"; exit 1; }
if [[ -n "$tray" ]] && ! grep -q "tray icon shown" "$work/app.log"; then
  kill -TERM "$pid"
  echo "the app did not start in the tray (no system tray found?): its window is shown, the figures would not be the tray's"
  exit 1
fi
before="$(cpu_ticks "$pid")" threads_before="$(thread_ticks "$pid")"
t0="$(date +%s%N)"
sleep "$seconds"
after="$(cpu_ticks "$pid")" threads_after="$(thread_ticks "$pid")"
t1="$(date +%s%N)"
rss="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")"
hwm="$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")"
kill -TERM "$pid"
wait "$pid" || { echo "posesmart exited with $? after SIGTERM"; exit 1; }

echo "video: $video"
# Frames the test camera could not make in time are lost (late=N): the app then analysed fewer.
[[ -z "$camera" ]] || sed -n 's/^frames /test camera streams: /p' "$work/fakecam.log"
[[ -z "$camera" ]] || sed -n 's/.*posesmart.capture: //p' "$work/app.log" | sort -u
sed -n 's/.*posesmart.startup: //p' "$work/app.log"
[[ -n "$tray" ]] || echo "window mapped on the X server after ${mapped:-?} ms (from launch)"
# CPU by thread name over the window; threads that ended in it count in the total only (so in the
# app's share, an over- rather than an under-estimate). The test
# camera's threads (fakecam-capture, and the decoder threads they start) do in the app's process what
# a webcam does in hardware: "the app" is the total without them.
awk -v hz="$ticks" -v wall="$(((t1 - t0) / 1000000))" -v total="$((after - before))" -v s="$seconds" '
  NR == FNR { before[$1] = $3; next }
  { used[$2] += $3 - before[$1] }
  END {
    sec = wall / 1000
    printf "CPU over %d s: %.1f%% of one core (CPU seconds per second)\n", s, 100 * total / hz / sec
    if ("fakecam-capture" in used)
      printf "  the test camera: %.1f%%; the app without it: %.1f%%\n", 100 * used["fakecam-capture"] / hz / sec,
             100 * (total - used["fakecam-capture"]) / hz / sec
    for (name in used) if (used[name] > 0) printf "  thread %-16s %5.1f%%\n", name, 100 * used[name] / hz / sec
  }' <(echo "$threads_before") <(echo "$threads_after")
echo "resident memory: ${rss} kB now, ${hwm} kB peak"
