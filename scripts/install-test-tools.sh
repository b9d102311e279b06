#!/usr/bin/env bash
# Installs the real peers the test suite drives (PEERS.md) when they are missing:
# sipp (Debian package sip-tester). Needs root or sudo and Debian's package registry.
set -euo pipefail

missing=()
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)

if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools present: $(command -v sipp)"
  exit 0
fi

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
command -v sipp >/dev/null 2>&1 || { echo "error: sipp still missing after install" >&2; exit 1; }
