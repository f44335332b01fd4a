#!/usr/bin/env bash
# The project's test command (README, .ci/run). On a fresh Debian machine it
# first installs what the tests use besides Go: LibreOffice (users re-save
# templates with it; libreoffice-calc-nogui) and Node.js/npm (the Medplum
# FHIR server the sender's tests start on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
need=()
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "installation : ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

go vet ./...
go test -timeout 15m ./...
