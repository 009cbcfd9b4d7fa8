#!/usr/bin/env bash
# PostgreSQL for the stack tests that use tests/harness/postgres.py (django-postgres):
# the server binaries (initdb, pg_ctl: the harness starts throwaway servers with
# them), the psql client, make and python3-venv. Idempotent: installs only what
# is missing.
set -euo pipefail

have_server() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; }

packages=()
have_server || packages+=(postgresql)
command -v psql >/dev/null || packages+=(postgresql-client)
command -v make >/dev/null || packages+=(make)
# The project's `make setup` creates a virtualenv (Debian splits venv out of python3).
venv_check="$(mktemp -d)"
python3 -m venv "$venv_check/v" >/dev/null 2>&1 || packages+=(python3-venv)
rm -rf "$venv_check"

if ((${#packages[@]} == 0)); then
  echo "postgres: server, client, make and python3 venv already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=900 update -qq
apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${packages[@]}"
# Debian starts a cluster as a service; the tests start their own servers.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters --no-header | while read -r version cluster _; do
    pg_ctlcluster "$version" "$cluster" stop 2>/dev/null || true
  done
fi
echo "postgres: installed ${packages[*]}"
