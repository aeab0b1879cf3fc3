#!/usr/bin/env bash
# End to end: the desktop app gets SIGTERM while another process (python3's sqlite3) holds the
# history database's write lock. It must wait a few seconds, say that the minutes were kept, exit
# with code 0, and leave them in history.db.pending, which the next open of the database (here
# posesmart-cli report) adds: no monitored second is lost. A data folder an earlier version left
# open (0755, settings 0644) is made private at start.
#   app_lock_e2e.sh POSESMART POSESMART_CLI TESTDATA_DIR VIDEO   (exit 77: skipped, tools or video missing)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/desktop_session.sh"

if [[ "${1:-}" != --inside ]]; then
  app="$1" cli="$2" video="${POSESMART_TESTDATA:-$3}/$4"
  for tool in xvfb-run dbus-run-session python3; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
  done
  [[ -r "$video" ]] || { echo "skipped: test video $video not found"; exit 77; }
  work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-e2e-lock.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/data" "$work/home"
  echo '{ "version": 1, "language": "en" }' >"$work/data/settings.json"
  chmod 755 "$work/data" && chmod 644 "$work/data/settings.json"  # as an earlier version left them
  desktop_exec "$work" "$app" "$cli" "$video" "$work"
fi

app="$2" cli="$3" video="$4" work="$5"
db="$work/data/history.db"
fail() { echo "FAIL: $*"; [[ -f "$work/app.log" ]] && sed 's/^/  app: /' "$work/app.log"; exit 1; }

start=$(date +%s)
"$app" --source "$video" --data-dir "$work/data" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 600); do [[ -f "$db" ]] && break; sleep 0.1; done
[[ -f "$db" ]] || fail "no history database after 60 s"
sleep 15
python3 -c "import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN EXCLUSIVE')
open(sys.argv[2], 'w').close()
time.sleep(120)" "$db" "$work/locked" &
locker_pid=$!
for _ in $(seq 100); do [[ -f "$work/locked" ]] && break; sleep 0.1; done
[[ -f "$work/locked" ]] || fail "python3 did not take the lock"
kill -TERM "$app_pid"
code=0
wait "$app_pid" || code=$?
ran=$(($(date +%s) - start))
kill "$locker_pid" 2>/dev/null || true
wait "$locker_pid" 2>/dev/null || true

((code == 0)) || fail "posesmart exited with $code after SIGTERM"
[[ "$(stat -c %a "$work/data")" == 700 ]] || fail "the data folder is $(stat -c %a "$work/data"), not 700"
[[ "$(stat -c %a "$work/data/settings.json")" == 600 ]] || fail "settings.json is not 600"
[[ -f "$db.pending" ]] || fail "no journal ($db.pending) next to the locked database"
grep -q "history.db.pending" "$work/app.log" || fail "the app did not say where the minutes were kept"
report="$("$cli" report --db "$db" --day "$(date +%F)" --json)"
[[ ! -e "$db.pending" ]] || fail "the journal was not added at the next open"
monitored="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["monitored_s"])' <<<"$report")"
python3 -c "import sys; sys.exit(0 if $monitored >= 14 else 1)" || fail "only $monitored s recorded of $ran s: $report"
echo "ok: exit 0 on SIGTERM under a lock, the minutes kept and added later: ${monitored} s recorded of ${ran} s"
