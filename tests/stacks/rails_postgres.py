"""rails-postgres: generate the project and run it on Debian's Ruby and Rails.

What learners get and what this harness runs differ, and only here:

- Learners get Rails 8.1 on Ruby 3.4 (the project's Gemfile and .ruby-version),
  with gems from RubyGems. RubyGems is unreachable where the scaffolder is tested,
  so this harness runs the same application code on Debian 12's packages instead:
  Ruby 3.1, Rails 6.1.7 (ruby-rails), pg 1.4, Puma 5.6, bcrypt 3.1.18,
  rack-cors 1.1, bootsnap 1.13, Minitest 5.17 (see .ci/provision/ruby.sh).
- It generates with `--data rails_series=6.1`, the template's hidden answer that
  only sets the version numbers Rails checks against the running release:
  `config.load_defaults` and the migrations' `ActiveRecord::Migration[x.y]`.
- It leaves the learner's Gemfile untouched and points Bundler (BUNDLE_GEMFILE) at
  a copy of tests/harness/rails/Gemfile: Debian's gem versions, no `source`, so
  `bundle install` resolves offline from the installed packages. Brakeman and
  rubocop-rails-omakase have no Debian package and are not run here.
- `make migrate` rewrites db/schema.rb in Rails 6.1's format (the shipped one is
  8.1's); the stack tests check both describe the same tables.

Everything else is the project's own: `make setup migrate test`, and `make migrate run`
for the server, with DATABASE_URL pointing at a throwaway PostgreSQL.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.harness import commands
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.toolchain import require, unavailable

STACK = "rails-postgres"
RAILS_SERIES = "6.1"  # Debian 12's ruby-rails
HARNESS_GEMFILE = Path(__file__).resolve().parents[1] / "harness" / "rails" / "Gemfile"
GEMFILE_NAME = "Gemfile.debian"


def require_toolchain() -> None:
    """Skip (locally) or fail (in CI) unless Debian's Ruby, Bundler, Rails and make are there."""
    require("ruby", "bundle", "make", why="Debian's ruby, bundler and make (.ci/provision/ruby.sh)")
    found = subprocess.run(["ruby", "-e", 'gem "rails", "~> 6.1.7"; require "rails"; print Rails.version'],
                           capture_output=True, text=True)
    if found.returncode != 0:
        unavailable("Debian's ruby-rails 6.1 is not installed (.ci/provision/ruby.sh)")


def require_rubocop() -> None:
    require("rubocop", why="Debian's rubocop package (.ci/provision/ruby.sh)")


def generate(parent: Path, name: str = "my-api", series: str | None = RAILS_SERIES) -> Path:
    """`scaffold new` for this stack; `series=None` renders exactly what a learner gets (8.1)."""
    data = {"rails_series": series} if series else None
    return scaffold_generate(STACK, parent, name=name, data=data)


def debian_env(project: Path) -> dict[str, str]:
    """Environment that makes the project's own commands use Debian's gems."""
    gemfile = project / GEMFILE_NAME
    shutil.copyfile(HARNESS_GEMFILE, gemfile)
    # The copy lives only in this throwaway checkout; keep `git status` about the project.
    with (project / ".git" / "info" / "exclude").open("a") as exclude:
        exclude.write(f"/{GEMFILE_NAME}\n/{GEMFILE_NAME}.lock\n")
    return {
        "BUNDLE_GEMFILE": str(gemfile),
        "CI": "1",  # eager-load the app in tests, as the learner's CI does
    }


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The generated project's Puma (`make migrate run`, development) on a throwaway PostgreSQL."""
    from tests.harness.postgres import PostgresServer, pg_bin
    from tests.harness.server import serve

    require_toolchain()
    require("psql", why="PostgreSQL client from Debian's postgresql-client")
    if not (pg_bin("initdb") and pg_bin("pg_ctl")):
        unavailable("PostgreSQL server binaries (Debian's postgresql) are not installed")
    with PostgresServer() as pg:
        project = generate(workdir)
        env = {**debian_env(project), "DATABASE_URL": pg.url("rails_conformance")}
        commands.run(STACK, ["make", "setup"], cwd=project, env=env, timeout=600)
        with serve(STACK, project, env=env) as base_url:
            yield base_url
