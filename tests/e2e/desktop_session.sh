# desktop_session.sh: what the end-to-end tests of the real app share (sourced, not run).
#   desktop_exec WORK ARGS...    a clean HOME, XDG folders and runtime folder under WORK (nothing of
#                                the real user's desktop is touched or read), then the calling script
#                                again as `SCRIPT --inside ARGS...` on a fresh Xvfb display and session bus
#   start_dunst WORK [CONFIG]    a real notification daemon on that bus, answering (its pid: dunst_pid);
#                                calls the script's fail() when it does not come up

desktop_exec() {
  local work="$1"
  shift
  export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
  export XDG_RUNTIME_DIR="$work/runtime" && mkdir -p "$HOME" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash "$0" --inside "$@"
}

start_dunst() {
  dunst ${2:+-conf "$2"} >"$1/dunst.log" 2>&1 &
  dunst_pid=$!
  for _ in $(seq 100); do dunstctl count displayed >/dev/null 2>&1 && return 0; sleep 0.1; done
  fail "dunst did not start"
}
