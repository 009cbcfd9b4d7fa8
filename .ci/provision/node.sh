#!/usr/bin/env bash
# Node.js >= 20.19 and npm for the express-mongo stack test (the generated project's
# package.json "engines"). Debian's own packages are enough (trixie ships Node.js 20.19).
# Idempotent: does nothing when a recent enough node and npm are already on PATH.
set -euo pipefail

MIN_MAJOR=20
MIN_MINOR=19

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  local version major minor
  version="$(node --version)"          # v20.19.2
  IFS=. read -r major minor _ <<<"${version#v}"
  ((major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR)))
}

if node_ok; then
  echo "node: $(node --version), npm $(npm --version) already installed"
  exit 0
fi

apt-get -o DPkg::Lock::Timeout=900 update
apt-get -o DPkg::Lock::Timeout=900 install -y nodejs npm make

if ! node_ok; then
  echo "node: need Node.js >= ${MIN_MAJOR}.${MIN_MINOR}, have $(node --version 2>/dev/null || echo none)" >&2
  exit 1
fi
echo "node: $(node --version), npm $(npm --version)"
