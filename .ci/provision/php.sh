#!/usr/bin/env bash
# PHP for the laravel-mysql stack test. Packagist is unreachable in CI, so the harness
# (tests/stacks/laravel_mysql.py) runs the generated project on Debian 12's packages:
# PHP 8.2 + pdo_mysql, Laravel 8.83 (php-laravel-framework), PHPUnit 9.6, Faker,
# Mockery, Guzzle + php-curl (Laravel's HTTP client, used by the holiday-service
# exercise's solution), Composer 2.5 (only for `composer validate`) and PHP_CodeSniffer
# (a PSR-12 check standing in for Laravel Pint, which Debian does not package).
# Idempotent: apt-get skips what is installed; nothing else is changed.
set -euo pipefail

packages=(php-cli php-mysql php-mbstring php-xml php-curl php-laravel-framework php-guzzlehttp-guzzle phpunit php-faker php-mockery composer php-codesniffer)

if [ "$(dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -c 'install ok installed')" -ne "${#packages[@]}" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

php --version | head -n 1
php -r 'require "Illuminate/autoload.php"; echo "Laravel ", Illuminate\Foundation\Application::VERSION, PHP_EOL;'
phpunit --version | head -n 1
php -r 'exit(extension_loaded("pdo_mysql") ? 0 : 1);' || { echo "php: pdo_mysql is missing" >&2; exit 1; }
