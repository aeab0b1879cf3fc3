#!/usr/bin/env bash
# End to end: the real posesmart binary under Xvfb, with a session D-Bus and a real notification
# daemon (dunst), a test video as its source and a temporary data folder. It must analyse frames,
# record minutes into the database, raise an alert that dunst receives, and on SIGTERM flush and
# exit with code 0. The test's own settings shorten the sitting limit to 10 s so that an alert
# comes quickly.
#   app_e2e.sh POSESMART POSESMART_CLI TESTDATA_DIR VIDEO   (exit 77: skipped, tools or video missing)
# VIDEO is relative to the test data folder: $POSESMART_TESTDATA when set, else TESTDATA_DIR.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/desktop_session.sh"

if [[ "${1:-}" != --inside ]]; then
  app="$1" cli="$2" video="${POSESMART_TESTDATA:-$3}/$4"
  for tool in xvfb-run dbus-run-session dunst dunstctl; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
  done
  [[ -r "$video" ]] || { echo "skipped: test video $video not found"; exit 77; }
  work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-e2e.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/data" "$work/home"
  cat >"$work/data/settings.json" <<'JSON'
{ "version": 1, "language": "en", "sitting_limit_s": 10 }
JSON
  desktop_exec "$work" "$app" "$cli" "$video" "$work"
fi

app="$2" cli="$3" video="$4" work="$5"
fail() { echo "FAIL: $*"; [[ -f "$work/app.log" ]] && sed 's/^/  app: /' "$work/app.log"; exit 1; }

start_dunst "$work"

start=$(date +%s)
"$app" --source "$video" --data-dir "$work/data" >"$work/app.log" 2>&1 &
app_pid=$!

# An alert reaches dunst: it is on screen or already in its history.
alerted=""
for _ in $(seq 600); do
  kill -0 "$app_pid" 2>/dev/null || fail "posesmart exited early"
  if (($(dunstctl count displayed) + $(dunstctl count history) > 0)); then alerted=yes; break; fi
  sleep 0.1
done
[[ -n "$alerted" ]] || fail "no notification reached dunst within 60 s"
echo "notification after $(($(date +%s) - start)) s"
dunstctl close-all
sleep 0.5
history="$(dunstctl history)"
grep -q '"PoseSmart"' <<<"$history" || fail "the notification is not from PoseSmart: $history"
grep -q 'Time for a break' <<<"$history" || fail "the sitting alert is not in dunst's history: $history"

# Let it record a little longer, then stop it the way a session manager would.
sleep 3
kill -TERM "$app_pid"
code=0
wait "$app_pid" || code=$?
((code == 0)) || fail "posesmart exited with $code after SIGTERM"
kill "$dunst_pid" 2>/dev/null || true

db="$work/data/history.db"
[[ -f "$db" ]] || fail "no history database in the data folder"
mode="$(stat -c %a "$db")"
[[ "$mode" == 600 ]] || fail "history.db has mode $mode, not 600"
report="$("$cli" report --db "$db" --day "$(date +%F)" --json)"
monitored="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["monitored_s"])' <<<"$report")"
alerts="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["alerts"])' <<<"$report")"
python3 -c "import sys; sys.exit(0 if $monitored >= 10 else 1)" || fail "only $monitored s recorded: $report"
((alerts >= 1)) || fail "the alert was not recorded: $report"
echo "ok: notification received, ${monitored} s and ${alerts} alert(s) recorded, exit code 0 on SIGTERM"
