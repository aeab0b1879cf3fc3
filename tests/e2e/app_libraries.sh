#!/usr/bin/env bash
# The desktop app's start-up: the binary does not load OpenCV's imgcodecs or videoio, nor the
# FFmpeg, GStreamer and GDAL they pull in (hundreds of libraries, ~0.3 s in the loader); the frame
# sources come from their module, loaded on the capture thread.
#   app_libraries.sh POSESMART
set -euo pipefail
app="$1"
command -v ldd >/dev/null || { echo "skipped: ldd is not installed"; exit 77; }
libs="$(ldd "$app")"
echo "$(wc -l <<<"$libs") libraries"
if grep -E 'libopencv_(imgcodecs|videoio)|libav(codec|format)|libgst|libgdal' <<<"$libs"; then
  echo "FAIL: the desktop app links the libraries above; they belong to the frame-source module"
  exit 1
fi
