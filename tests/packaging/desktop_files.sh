#!/usr/bin/env bash
# The desktop entry and the AppStream metainfo pass their validators (desktop-file-validate,
# appstreamcli validate) and agree on one id: the file names, the Icon key, <id>, <launchable>
# and the symbolic icons' names.
#   desktop_files.sh DESKTOP METAINFO SYMBOLIC_ICON_DIR     (exit 77: skipped, validators missing)
set -euo pipefail
desktop="$1" metainfo="$2" icons="$3"
for tool in desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
fail() { echo "FAIL: $*"; exit 1; }

id="$(basename "$desktop" .desktop)"
[[ "$(basename "$metainfo")" == "$id.metainfo.xml" ]] || fail "$metainfo is not named $id.metainfo.xml"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli rejects $metainfo"

grep -qx "Icon=$id" "$desktop" || fail "the Icon key of $desktop is not $id"
grep -q "<id>$id</id>" "$metainfo" || fail "the <id> of $metainfo is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
  fail "the launchable of $metainfo is not $id.desktop"
shopt -s nullglob
symbolic=("$icons"/*.svg)
((${#symbolic[@]} > 0)) || fail "no symbolic icons in $icons"
for icon in "${symbolic[@]}"; do
  name="$(basename "$icon")"
  [[ "$name" == "$id"*-symbolic.svg ]] || fail "symbolic icon $name is not named $id...-symbolic.svg"
done
echo "ok: $id.desktop and $id.metainfo.xml validate, ${#symbolic[@]} symbolic icons"
