#!/usr/bin/env bash
# Installs the real peers the test suite drives (PEERS.md) when they are missing:
#   sipp (Debian sip-tester): scripted devices;
#   ffmpeg/ffprobe with libx264/libx265: test streams and independent decoding of the demuxer's output;
#   GStreamer (videotestsrc, x264enc, h264parse, mpegpsmux): PS streams with a PSM.
# Needs root or sudo and Debian's package registry.
set -euo pipefail

missing=()
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
{ command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; } || missing+=(ffmpeg)
command -v gst-launch-1.0 >/dev/null 2>&1 || missing+=(gstreamer1.0-tools)
gst_plugin() { # element name, package that holds it
  if ! command -v gst-inspect-1.0 >/dev/null 2>&1 || ! gst-inspect-1.0 "$1" >/dev/null 2>&1; then
    missing+=("$2")
  fi
}
gst_plugin videotestsrc gstreamer1.0-plugins-base
gst_plugin x264enc gstreamer1.0-plugins-ugly
gst_plugin h264parse gstreamer1.0-plugins-bad
gst_plugin mpegpsmux gstreamer1.0-plugins-bad

if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools present: $(command -v sipp) $(command -v ffmpeg) $(command -v gst-launch-1.0)"
  exit 0
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "error: ${missing[*]} missing and neither root nor sudo is available to install them" >&2
  exit 1
fi

echo "installing test tools: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}"
for tool in sipp ffmpeg ffprobe gst-launch-1.0; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool still missing after install" >&2; exit 1; }
done
for element in videotestsrc x264enc h264parse mpegpsmux; do
  gst-inspect-1.0 "$element" >/dev/null 2>&1 || { echo "error: GStreamer element $element still missing" >&2; exit 1; }
done
