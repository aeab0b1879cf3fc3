#!/usr/bin/env bash
# End to end, a guided routine: the real posesmart binary under Xvfb with a real notification
# daemon (dunst). The source is a posture_synth clip of the talking-face recording: upright, then the
# head tilted right by exactly 35 degrees. The profile is calibrated first (posesmart-cli analyze
# on the clip's upright start, recorded as yesterday). The sitting limit is 10 s, so the sitting
# notification comes soon; its "Start a 1-minute routine" action is invoked through dunst's own
# context menu (dunstctl context, with a dmenu that picks that line), the way a user picks it. The
# routine window must open, the routine must run to its end on the clip (the tilt right done, the
# steps the clip never shows timed out), the history must hold it and the day report must show it.
#   app_routine_e2e.sh POSESMART POSESMART_CLI TESTDATA_DIR   (exit 77: skipped, tools or data missing)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/desktop_session.sh"

if [[ "${1:-}" != --inside ]]; then
  app="$1" cli="$2" testdata="${POSESMART_TESTDATA:-$3}"
  source_video="$testdata/blink/talkingface_0-100s.mp4"
  synth_source="$testdata/../tools/posture_synth/posture_synth.cpp"
  for tool in xvfb-run dbus-run-session dunst dunstctl xwininfo ffmpeg g++ pkg-config python3; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
  done
  [[ -r "$source_video" && -r "$synth_source" ]] || { echo "skipped: $source_video or $synth_source not found"; exit 77; }
  work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-routine-e2e.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/data" "$work/home"

  # The clip: 14 s upright, then the right ear toward the right shoulder (a 35-degree rotation) to the end.
  g++ -O2 -std=c++17 "$synth_source" -o "$work/posture_synth" $(pkg-config --cflags --libs opencv4)
  printf '0,14,good,1,0,0\n14,95,tilt_right,1,0,35\n' >"$work/segments.csv"
  "$work/posture_synth" "$source_video" 0 95 "$work/segments.csv" 2>"$work/labels.csv" |
    ffmpeg -v error -y -f rawvideo -pix_fmt bgr24 -s 360x288 -r 24 -i - -c:v libx264 -crf 16 "$work/clip.mp4"
  ffmpeg -v error -y -i "$work/clip.mp4" -t 12 -c copy "$work/upright.mp4"
  # The calibration, as a run of yesterday's: today's report holds only what the app records.
  "$cli" analyze "$work/upright.mp4" --calibrate-seconds 8 --db "$work/data/history.db" \
    --start "$(date -d yesterday +%F)T09:00" >"$work/calibration.log" 2>&1 ||
    { cat "$work/calibration.log"; echo "FAIL: calibrating from the clip"; exit 1; }

  cat >"$work/data/settings.json" <<'JSON'
{ "version": 1, "language": "en", "sitting_limit_s": 10 }
JSON
  # dunst's context menu runs "dmenu" with the notification's actions on stdin: this one picks the routine.
  printf '#!/bin/sh\ngrep -m1 "Start a 1-minute routine"\n' >"$work/pick-routine" && chmod +x "$work/pick-routine"
  printf '[global]\n    dmenu = %s\n' "$work/pick-routine" >"$work/dunstrc"
  desktop_exec "$work" "$app" "$cli" "$work"
fi

app="$2" cli="$3" work="$4"
fail() { echo "FAIL: $*"; [[ -f "$work/app.log" ]] && sed 's/^/  app: /' "$work/app.log"; exit 1; }
routine_window() { xwininfo -root -tree | grep -q '"PoseSmart routine"'; }
today_json() { "$cli" report --db "$work/data/history.db" --day "$(date +%F)" --json; }

start_dunst "$work" "$work/dunstrc"

start=$(date +%s)
"$app" --source "$work/clip.mp4" --data-dir "$work/data" >"$work/app.log" 2>&1 &
app_pid=$!

# The sitting notification, with the routine among its actions.
for _ in $(seq 300); do
  kill -0 "$app_pid" 2>/dev/null || fail "posesmart exited early"
  (($(dunstctl count displayed) > 0)) && break
  sleep 0.1
done
(($(dunstctl count displayed) > 0)) || fail "no notification within 30 s"
echo "sitting notification after $(($(date +%s) - start)) s"
routine_window && fail "a routine window before the routine was asked for"

# The user picks "Start a 1-minute routine" from the notification's menu.
dunstctl context
for _ in $(seq 100); do routine_window && break; sleep 0.1; done
routine_window || fail "the notification's action did not open the routine window"
echo "routine window open after $(($(date +%s) - start)) s"

# The routine ends on its own (steps done or timed out) and is written to the history.
routines=0
for _ in $(seq 120); do
  kill -0 "$app_pid" 2>/dev/null || fail "posesmart exited during the routine"
  routines="$(today_json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["routines"]))')"
  ((routines > 0)) && break
  sleep 1
done
((routines > 0)) || fail "no routine in today's history 120 s after it started"
echo "routine recorded after $(($(date +%s) - start)) s"

kill -TERM "$app_pid"
code=0
wait "$app_pid" || code=$?
((code == 0)) || fail "posesmart exited with $code after SIGTERM"
kill "$dunst_pid" 2>/dev/null || true

report="$(today_json)"
python3 - "$report" <<'PY' || fail "the routine in the history is not the one run: $report"
import json, sys
r = json.loads(sys.argv[1])
g = r["routines"]
assert len(g) == 1, g
g = g[0]
print(f"history: {g}")
assert g["routine"] == "neck-1min", g
assert g["steps"] == 6, g
assert g["steps_done"] >= 1, g         # the tilt right, held on the clip
assert not g["completed"], g           # the clip never turns or looks up: those steps time out
assert 40 <= g["duration_s"] <= 90, g  # the steps' hold and time-outs, about a minute
assert r["breaks"] >= 1, r             # a routine counts as a break
assert r["days"][0]["routines"] == 1, r
PY
text="$("$cli" report --db "$work/data/history.db" --day "$(date +%F)")"
grep -q 'guided routines    1' <<<"$text" || fail "the day report does not show the routine: $text"
grep -q 'neck-1min' <<<"$text" || fail "the day report does not name the routine: $text"
echo "ok: notification action -> routine window -> routine recorded and reported"
