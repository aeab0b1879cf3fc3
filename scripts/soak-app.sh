#!/usr/bin/env bash
# Soak of the desktop app, for BENCHMARKS.md (not run in CI: it takes as long as you ask): the real
# posesmart binary under Xvfb with a session D-Bus, on a video looped to last the whole run (ffmpeg
# -stream_loop, no re-encoding), paced in real time, then SIGTERM as a session manager sends it.
# Prints the resident memory (VmRSS) once a minute and checks that
#   - the RSS drift, last sample minus the sample at the end of the first minute, is under 5 MB,
#   - every minute of the run has its row in the history, without a gap,
#   - the app exits with code 0 on SIGTERM.
#   scripts/soak-app.sh POSESMART VIDEO [MINUTES]     (default 30 minutes)
set -euo pipefail

if [[ "${1:-}" != --inside ]]; then
  app="${1:?usage: soak-app.sh POSESMART VIDEO [MINUTES]}" video="${2:?video}" minutes="${3:-30}"
  for tool in xvfb-run dbus-run-session ffmpeg ffprobe python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (Debian packages xvfb, dbus, ffmpeg, python3)"; exit 1; }
  done
  work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-soak.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/data" "$work/home"
  echo '{ "version": 1, "language": "en" }' >"$work/data/settings.json"
  length="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$video")"
  loops="$(python3 -c "import math; print(math.ceil(($minutes * 60 + 60) / $length))")"
  ffmpeg -v error -stream_loop "$loops" -i "$video" -c copy "$work/looped.mp4"
  export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
  export XDG_RUNTIME_DIR="$work/runtime" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    bash "$0" --inside "$app" "$work/looped.mp4" "$minutes" "$work"
fi

app="$2" video="$3" minutes="$4" work="$5"
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

started="$(date +%s)"
"$app" --source "$video" --data-dir "$work/data" >"$work/app.log" 2>&1 &
pid=$!
first="" last=""
for minute in $(seq "$minutes"); do
  sleep 60
  kill -0 "$pid" 2>/dev/null || { sed 's/^/  app: /' "$work/app.log"; echo "FAIL: posesmart exited after $minute min"; exit 1; }
  last="$(rss_kb "$pid")"
  [[ -n "$first" ]] || first="$last"
  echo "minute $minute: RSS $((last / 1024)) MB"
done
kill -TERM "$pid"
code=0
wait "$pid" || code=$?
stopped="$(date +%s)"

# Every minute of the run has its row: no gap, from the minute the app started analysing (model
# loading takes seconds) to the one it was stopped in.
minutes_check="$(python3 - "$work/data/history.db" "$started" "$stopped" <<'PY'
import sqlite3, sys
db, started, stopped = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [r[0] for r in sqlite3.connect(db).execute("SELECT minute_utc FROM minutes ORDER BY minute_utc")]
monitored = sqlite3.connect(db).execute("SELECT COALESCE(SUM(present_s), 0) FROM minutes").fetchone()[0]
missing = sorted(set(range(rows[0], rows[-1] + 1)) - set(rows)) if rows else []
ok = bool(rows) and not missing and rows[0] <= (started + 60) // 60 and rows[-1] >= (stopped - 1) // 60
print(f"{len(rows)} minute rows, {len(missing)} missing, {monitored:.0f} s present {'ok' if ok else 'FAIL'}")
PY
)"
drift_kb=$((last - first))
echo "ran $((stopped - started)) s; RSS after the first minute $((first / 1024)) MB, at the end $((last / 1024)) MB," \
  "drift $(python3 -c "print(round($drift_kb / 1024, 1))") MB; history: ${minutes_check}; exit code ${code} on SIGTERM"
status=0
((code == 0)) || { echo "FAIL: exit code $code on SIGTERM"; status=1; }
((drift_kb < 5 * 1024)) || { echo "FAIL: RSS drift over 5 MB"; status=1; }
[[ "$minutes_check" == *" ok" ]] || { echo "FAIL: minutes missing from the history"; status=1; }
exit "$status"
