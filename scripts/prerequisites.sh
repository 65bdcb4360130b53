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
# The Alertmanager channel's tests post to a real Alertmanager and read its own API back.
[ -x /usr/bin/prometheus-alertmanager ] || missing+=(prometheus-alertmanager)
# The e-mail channel's tests run a real SMTP server, tests/smtp/smtp-sink.js, on Node.js; and building
# Vigil.Server runs `npm ci` for the dashboard's charting library (src/Vigil.Server/Dashboard/Dashboard.targets).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The dashboard's browser tests drive Debian's Chromium through Playwright (tests/Vigil.Dashboard.Tests).
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The PostgreSQL engine's tests start a throwaway cluster with Debian's initdb and pg_ctl (tests/Support/Vigil.Testing/PostgreSql).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
# The SDK's InfluxDB sink is tested against a real InfluxDB 1.x server, started with a temporary data dir (tests/Vigil.Tests/Metrics/Influx).
[ -x /usr/bin/influxd ] || missing+=(influxdb)
# The SDK's Pushgateway sink and `vigil exec`'s push are tested against a real Pushgateway, read back over its /metrics
# (tests/Support/Vigil.Testing/PushGateway).
[ -x /usr/bin/prometheus-pushgateway ] || missing+=(prometheus-pushgateway)

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

# The SMTP server's one package (smtp-server, pinned in tests/smtp/package.json), from the npm registry.
if [ ! -d "$(dirname "$0")/../tests/smtp/node_modules/smtp-server" ]; then
  echo "==> Installing tests/smtp (npm)"
  (cd "$(dirname "$0")/../tests/smtp" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
