#!/usr/bin/env bash
# A MongoDB wire-protocol server for the express-mongo stack test.
# `mongod` cannot be installed here (MongoDB's downloads are unreachable), so we build
# FerretDB v1 (SQLite backend: needs no other server) from the Go module proxy.
# `go install ...@version` is refused because the proxy hides the module's version
# list, so we download the exact version, add the version file its release build
# would generate, and `go build` it. Idempotent: skips when the binary exists.
set -euo pipefail

VERSION=v1.24.0
DEST="${HOME}/.cache/scaffolder-ci/ferretdb/ferretdb-${VERSION}"

if [[ -x "$DEST" ]]; then
  echo "mongo: FerretDB ${VERSION} already at ${DEST}"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  export PATH="$PATH:/usr/local/go/bin"
fi
if ! command -v go >/dev/null 2>&1; then
  apt-get -o DPkg::Lock::Timeout=900 install -y golang-go
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
src_dir="$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@${VERSION}" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
cp -r "$src_dir" "$work/src"
chmod -R u+w "$work/src"
echo "$VERSION" > "$work/src/build/version/version.txt"
mkdir -p "$(dirname "$DEST")"
(cd "$work/src" && GOFLAGS=-buildvcs=false go build -trimpath -o "$DEST.tmp" ./cmd/ferretdb)
mv "$DEST.tmp" "$DEST"
"$DEST" --version | head -3
