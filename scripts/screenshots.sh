#!/usr/bin/env bash
# Takes the README's screenshots from the real app under Xvfb (with openbox as window manager and
# trayer as system tray) on a test video: the calibration, the main window with the overlay, a
# guided routine's window, the settings and the tray menu. Driven with xdotool like a user would.
#   scripts/screenshots.sh POSESMART VIDEO OUT_DIR
#   SHOT_LANGUAGE=ko scripts/screenshots.sh ...   the main window and the routine in Korean
#                                                 (main-window-ko.png, routine-ko.png)
# Installs what is missing first (scripts/setup.sh screenshots: openbox, trayer, xdotool, imagemagick).
set -euo pipefail

if [[ "${1:-}" != --inside ]]; then
  bash "$(dirname "${BASH_SOURCE[0]}")/setup.sh" screenshots
  app="$(realpath "${1:?usage: screenshots.sh POSESMART VIDEO OUT_DIR}")" video="$(realpath "${2:?video}")"
  out="${3:?out dir}" && mkdir -p "$out" && out="$(realpath "$out")"
  work="$(mktemp -d "${TMPDIR:-/tmp}/posesmart-shots.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/data" "$work/home"
  echo '{ "version": 1, "language": "'"${SHOT_LANGUAGE:-en}"'" }' >"$work/data/settings.json"
  export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
  export XDG_RUNTIME_DIR="$work/runtime" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    bash "$0" --inside "$app" "$video" "$out" "$work"
fi

app="$2" video="$3" out="$4" work="$5"
shot() { import -window "${2:-root}" "$out/$1.png"; echo "wrote $out/$1.png"; }
window_of() { xdotool search --sync --onlyvisible --name "$1" | head -1; }

openbox >/dev/null 2>&1 &
trayer --edge top --align right --widthtype request --height 28 --SetDockType true --transparent false \
  --tint 0x303030 >/dev/null 2>&1 &
sleep 1
"$app" --source "$video" --data-dir "$work/data" >"$work/app.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
main="$(window_of '^PoseSmart$')"
xdotool windowsize "$main" 1000 640 windowmove "$main" 60 60
sleep 3

# In another language the calibration and main window are taken as main-window-LANG.png and the
# routine as routine-LANG.png; the settings and the tray menu in English only.
lang="${SHOT_LANGUAGE:-en}"
suffix="" && [[ "$lang" == en ]] || suffix="-$lang"

# Calibration: PoseSmart menu > Calibrate..., then Start.
xdotool windowactivate --sync "$main" key alt+p && sleep 0.5 && xdotool key c
calibration="$(window_of 'Calibrat|PoseSmart 보정')"
xdotool windowmove "$calibration" 380 240 && sleep 0.5 && xdotool key Return
sleep 5
[[ -n "$suffix" ]] || shot calibration "$calibration"
sleep 8
[[ -n "$suffix" ]] || shot calibration-done "$calibration"
xdotool windowactivate --sync "$calibration" key Escape
sleep 4
shot "main-window$suffix" "$main"

# A guided routine: PoseSmart menu > Start a routine > Neck, 1 minute; its window beside the main one.
xdotool windowactivate --sync "$main" key alt+p && sleep 0.5 && xdotool key t && sleep 0.5 && xdotool key Return
routine="$(window_of '^PoseSmart (routine|루틴)$')"
xdotool windowmove "$routine" 840 120
sleep 4
shot "routine$suffix" "$routine"
xdotool windowactivate --sync "$routine" key Escape  # ends it
[[ -z "$suffix" ]] || exit 0

# Settings: PoseSmart menu > Settings..., on its Alerts tab
xdotool windowactivate --sync "$main" key alt+p && sleep 0.5 && xdotool key s
settings="$(window_of 'Settings')"
sleep 1
xdotool key ctrl+Tab ctrl+Tab ctrl+Tab ctrl+Tab  # the Alerts tab: the fullest one
sleep 0.5
shot settings "$settings"
xdotool windowactivate --sync "$settings" key Escape

# The tray menu: right-click the icon in trayer, then the screen's top-right corner.
tray="$(xdotool search --onlyvisible --class trayer | head -1)"
eval "$(xdotool getwindowgeometry --shell "$tray")"
xdotool mousemove $((X + WIDTH - 14)) $((Y + 14)) click 3
sleep 1.5
import -window root -crop 320x200+960+0 "$out/tray-menu.png" && echo "wrote $out/tray-menu.png"
xdotool key Escape
