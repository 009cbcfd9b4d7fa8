#!/usr/bin/env bash
# php-fpm and nginx for the laravel-mysql stack: the generated project's `make serve`
# (its production pair, nginx in front of php-fpm) runs for real in the stack test and the
# conformance suite, on Debian 12's php8.2-fpm (with opcache) and nginx.
# Only the binaries are needed: `make serve` renders its own configs and starts both
# processes itself, so the packaged services are kept from starting during the install.
# Idempotent: apt-get skips what is installed.
set -euo pipefail

packages=(php8.2-fpm php8.2-opcache nginx)

if [ "$(dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -c 'install ok installed')" -ne "${#packages[@]}" ]; then
  export DEBIAN_FRONTEND=noninteractive
  # No service of its own on a CI machine: policy-rc.d's 101 tells invoke-rc.d not to start it.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

/usr/sbin/php-fpm8.2 --version | head -n 1
/usr/sbin/nginx -v
