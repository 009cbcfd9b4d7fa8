#!/usr/bin/env bash
# MariaDB 10.11 (Debian 12) for the laravel-mysql stack test: MySQL's protocol and SQL,
# standing in for the MySQL 8.4 learners get (Oracle's MySQL is not in Debian).
# tests/harness/mariadb.py starts throwaway servers from these binaries (as root with
# --user=root, in a temp datadir); the packaged service itself is not needed.
# Idempotent: apt-get skips what is installed.
set -euo pipefail

packages=(mariadb-server mariadb-client)

if [ "$(dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -c 'install ok installed')" -ne "${#packages[@]}" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

mariadbd --version 2>/dev/null || /usr/sbin/mariadbd --version
