#!/usr/bin/env bash
# Cost of running the desktop app, for BENCHMARKS.md: starts the real posesmart binary under Xvfb
# with a session D-Bus on a video paced in real time, and reports
#   - when the window was shown and the first frame analysed (the app's own start-up log, measured
#     from main()), and when the window was mapped on the X server (from the launch, by xwininfo),
#   - average CPU of the process over a measuring window (utime + stime from /proc/PID/stat; 100%
#     is one core), after a warm-up,
#   - resident memory at the end (VmRSS) and its peak (VmHWM).
#   scripts/bench-app.sh [--enrol] [--tray] POSESMART VIDEO [SECONDS] [WARMUP_SECONDS]
# --tray: a system tray (trayer) is running and the app starts in it (--minimized), its window
# hidden, which is how it spends most of the day.
# --enrol: the person in the video is enrolled first (posesmart-cli identity enroll on a frame taken
# at 5 s, needs ffmpeg), so Face ID verifies them every few seconds as it would for a real user.
# The video must be longer than WARMUP + SECONDS (the app stops analysing at the end of a file).
set -euo pipefail

if [[ "${1:-}" != --inside ]]; then
  enrol="" tray=""
  while [[ "${1:-}" == --enrol || "${1:-}" == --tray ]]; do
    [[ "$1" == --enrol ]] && enrol=yes
    [[ "$1" == --tray ]] && tray=yes
    shift
  done
  app="${1:?usage: bench-app.sh [--enrol] POSESMART VIDEO [SECONDS] [WARMUP]}" video="${2:?video}"
  seconds="${3:-60}" warmup="${4:-5}"
  for tool in xvfb-run dbus-run-session xwininfo; do
    command -v "$tool" >/dev/null || { echo "missing $tool (Debian packages xvfb, dbus, x11-utils)"; exit 1; }
  done
  work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-bench.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/data" "$work/home"
  echo '{ "version": 1, "language": "en" }' >"$work/data/settings.json"
  if [[ -n "$enrol" ]]; then
    ffmpeg -v error -ss 5 -i "$video" -frames:v 1 "$work/face.png"
    "$(dirname "$app")/posesmart-cli" identity enroll --profile default --db "$work/data/history.db" "$work/face.png"
  fi
  export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
  export XDG_RUNTIME_DIR="$work/runtime" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    bash "$0" --inside "$app" "$video" "$seconds" "$warmup" "$work" "$tray"
fi

app="$2" video="$3" seconds="$4" warmup="$5" work="$6" tray="$7"
options=()
if [[ -n "$tray" ]]; then
  trayer --edge top --align right --widthtype request --height 28 >/dev/null 2>&1 &
  sleep 1
  options=(--minimized)
fi
ticks="$(getconf CLK_TCK)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

launched="$(date +%s%N)"
QT_LOGGING_RULES="posesmart.startup.info=true" "$app" --source "$video" --data-dir "$work/data" "${options[@]}" \
  >"$work/app.log" 2>&1 &
pid=$!
mapped=""
for _ in $(seq "$([[ -n "$tray" ]] && echo 0 || echo 500)"); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"PoseSmart"'; then
    mapped=$((($(date +%s%N) - launched) / 1000000))
    break
  fi
  sleep 0.01
done

sleep "$warmup"
kill -0 "$pid" || { cat "$work/app.log"; echo "posesmart exited early"; exit 1; }
before="$(cpu_ticks "$pid")"
t0="$(date +%s%N)"
sleep "$seconds"
after="$(cpu_ticks "$pid")"
t1="$(date +%s%N)"
rss="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")"
hwm="$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")"
kill -TERM "$pid"
wait "$pid" || { echo "posesmart exited with $? after SIGTERM"; exit 1; }

echo "video: $video"
sed -n 's/.*posesmart.startup: //p' "$work/app.log"
[[ -n "$tray" ]] || echo "window mapped on the X server after ${mapped:-?} ms (from launch)"
awk -v b="$before" -v a="$after" -v t0="$t0" -v t1="$t1" -v hz="$ticks" -v s="$seconds" 'BEGIN {
  wall = (t1 - t0) / 1e9
  printf "CPU over %d s: %.1f%% of one core\n", s, 100 * (a - b) / hz / wall }'
echo "resident memory: ${rss} kB now, ${hwm} kB peak"
