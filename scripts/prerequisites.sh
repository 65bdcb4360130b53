#!/usr/bin/env bash
# Installs what building and testing Vigil needs beyond the .NET SDK, on a fresh Debian machine.
# Safe to run again: it installs only what is missing.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

missing=()
# promtool checks the Prometheus text that `vigil metrics --format prometheus` writes.
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "Please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "==> Installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  # policy-rc.d keeps the package's service from being started: only its tools are wanted.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
