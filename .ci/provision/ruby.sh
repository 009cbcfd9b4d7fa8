#!/usr/bin/env bash
# rails-postgres stack tests: Debian 12's Ruby 3.1 and Rails 6.1 with the gems the
# project needs (RubyGems is unreachable here; see tests/stacks/rails_postgres.py),
# rubocop for the lint test, and a PostgreSQL server for tests.harness.postgres.
# Idempotent: apt-get install skips what is already installed.
set -euo pipefail

if [ "$(id -u)" != 0 ]; then
  echo "ruby.sh: run as root (apt-get)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
  ruby ruby-rails ruby-pg puma ruby-bcrypt ruby-rack-cors ruby-bootsnap ruby-minitest bundler \
  rubocop postgresql postgresql-client make git >/dev/null

ruby -e 'gem "rails", "~> 6.1.7"; require "rails"; puts "ruby #{RUBY_VERSION}, rails #{Rails.version}"'
