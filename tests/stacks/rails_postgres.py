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
- That Gemfile adds tests/harness/rails/backports: the Rails 7.0-8.1 features the
  project uses (`authenticate_by`, `normalizes`, `generates_token_for`, `rate_limit`,
  `max_connections:`, `silence_healthcheck_path`, ...), each backported to 6.1 by a
  small shim that names its feature and release (backports/README.md lists them).
- `make migrate` rewrites db/schema.rb in Rails 6.1's format (the shipped one is
  8.1's); the stack tests check both describe the same tables.

Everything else is the project's own: `make setup migrate test`; `make migrate serve`
(`bin/rails server` on Puma in production, what the Docker image runs) for the
conformance suite and the load benchmark, and `bin/setup --skip-server` then
`make seed run` (development) in the stack test, with DATABASE_URL pointing at a
throwaway PostgreSQL.
"""

from __future__ import annotations

import contextlib
import functools
import re
import secrets
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tests.harness import commands, postgres
from tests.harness.running import Running
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.toolchain import require, unavailable

if TYPE_CHECKING:
    from scaffolder.exercise.launch import Database, Launcher, Progress

STACK = "rails-postgres"
RAILS_SERIES = "6.1"  # Debian 12's ruby-rails
HARNESS_GEMFILE = Path(__file__).resolve().parents[1] / "harness" / "rails" / "Gemfile"
BACKPORTS = HARNESS_GEMFILE.parent / "backports"
HARNESS_RUBOCOP = HARNESS_GEMFILE.parent / "rubocop.yml"
GEMFILE_NAME = "Gemfile.debian"


def require_toolchain() -> None:
    """Skip (locally) or fail (in CI) unless Debian's Ruby, Bundler, Rails and make are there."""
    require("ruby", "bundle", "make", why="Debian's ruby, bundler and make (.ci/provision/ruby.sh)")
    found = subprocess.run(
        ["ruby", "-e", 'gem "rails", "~> 6.1.7"; require "rails"; print Rails.version'],
        capture_output=True,
        text=True,
        check=False,
    )
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
    # (Asked of git: in a `git worktree` checkout, .git is a file, not the repository.)
    exclude_path = subprocess.run(
        ["git", "rev-parse", "--git-path", "info/exclude"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    exclude = (
        project / exclude_path
    )  # relative to the project, unless git answered an absolute path
    exclude.parent.mkdir(parents=True, exist_ok=True)
    lines = f"/{GEMFILE_NAME}\n/{GEMFILE_NAME}.lock\n"
    if lines not in (exclude.read_text() if exclude.exists() else ""):
        with exclude.open("a") as file:
            file.write(lines)
    return {
        "BUNDLE_GEMFILE": str(gemfile),
        "RAILS_BACKPORTS_PATH": str(BACKPORTS),
        "CI": "1",  # eager-load the app in tests, as the learner's CI does
    }


def production_env(project: Path, database_url: str) -> dict[str, str]:
    """What `make serve` needs here: the database, 127.0.0.1 among the allowed hosts, no login limit.

    The secret is the project's own .env (scaffold wrote a fresh one); Puma runs two
    workers of three threads, as the Docker image does.
    """
    return {
        **debian_env(project),
        "DATABASE_URL": database_url,
        "RAILS_ENV": "production",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "RAILS_MAX_THREADS": "3",
        # The conformance suite logs in far more often than 10 times in 3 minutes, all from
        # 127.0.0.1; the project's own tests check the limit itself.
        "LOGIN_RATE_LIMIT": "1000000",
    }


def require_postgres() -> None:
    from tests.harness.postgres import pg_bin

    require("psql", why="PostgreSQL client from Debian's postgresql-client")
    if not (pg_bin("initdb") and pg_bin("pg_ctl")):
        unavailable("PostgreSQL server binaries (Debian's postgresql) are not installed")


def psql(database_url: str, sql: str, **variables: str) -> str:
    """Run `sql` (a script: one statement after another, each committed) through psql."""
    return postgres.psql(STACK, database_url, sql, **variables)


# One INSERT ... SELECT: `count` tasks for one user, statuses cycling todo/doing/done,
# a distinct createdAt each (one second apart), a due date on every other task; and,
# in the same transaction, the user's per-status task counters that the app keeps.
# VACUUM (ANALYZE) then does what autovacuum would soon do after such a load: fresh
# statistics for the planner, and the visibility map that lets COUNT read the index only.
INSERT_TASKS_SQL = """
BEGIN;
INSERT INTO tasks (user_id, title, description, status, due_date, created_at, updated_at)
SELECT u.id,
       'Task ' || g,
       CASE WHEN g % 4 = 0 THEN 'Inserted for the load benchmark' END,
       (ARRAY['todo', 'doing', 'done'])[1 + g % 3],
       CASE WHEN g % 2 = 0 THEN DATE '2027-01-01' + (g % 730) END,
       (now() AT TIME ZONE 'UTC') - make_interval(secs => :count - g + 1),
       (now() AT TIME ZONE 'UTC') - make_interval(secs => :count - g + 1)
FROM users u CROSS JOIN generate_series(1, :count) AS g
WHERE u.email = lower(:'email');
-- The app's per-status counters (Task keeps them; this bypasses Task, so it does it too).
UPDATE users SET
  todo_tasks_count = todo_tasks_count + (SELECT count(*) FROM generate_series(1, :count) AS g WHERE g % 3 = 0),
  doing_tasks_count = doing_tasks_count + (SELECT count(*) FROM generate_series(1, :count) AS g WHERE g % 3 = 1),
  done_tasks_count = done_tasks_count + (SELECT count(*) FROM generate_series(1, :count) AS g WHERE g % 3 = 2)
WHERE email = lower(:'email');
COMMIT;
VACUUM (ANALYZE) tasks;
"""


def insert_tasks(database_url: str, owner_email: str, count: int) -> None:
    """`count` tasks for the registered user `owner_email`, straight into PostgreSQL."""
    found = psql(
        database_url, "SELECT count(*) FROM users WHERE email = lower(:'email');", email=owner_email
    )
    if found.strip() != "1":
        raise AssertionError(
            f"[{STACK}] insert_tasks: no registered user has the e-mail {owner_email!r}"
        )
    psql(database_url, INSERT_TASKS_SQL, email=owner_email, count=str(int(count)))


@dataclass(frozen=True)
class Production:
    """A production server with what the stack test inspects besides its URL."""

    running: Running
    project: Path
    env: dict[str, str]
    database_url: str


@contextlib.contextmanager
def production_server(workdir: Path) -> Iterator[Production]:
    from tests.harness.postgres import PostgresServer
    from tests.harness.server import serve

    require_toolchain()
    require_postgres()
    with PostgresServer() as pg:
        project = generate(workdir)
        database_url = pg.url("rails_production")
        env = production_env(project, database_url)
        commands.run(STACK, ["make", "setup"], cwd=project, env=env, timeout=600)
        with serve(STACK, project, command=["make", "migrate", "serve"], env=env) as base_url:
            running = Running(
                stack=STACK,
                base_url=base_url,
                insert_tasks=functools.partial(insert_tasks, database_url),
            )
            yield Production(running=running, project=project, env=env, database_url=database_url)


@contextlib.contextmanager
def production(workdir: Path) -> Iterator[Running]:
    """`make migrate serve` (the production server) on a throwaway database."""
    with production_server(workdir) as server:
        yield server.running


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The conformance suite's target: the production server (`make migrate serve`)."""
    with production(workdir) as running:
        yield running.base_url


# --- Exercises (scaffolder.exercise): scaffolder's CI proves the reference solutions with these. ---


class _ExerciseLauncher:
    """Throwaway databases on a throwaway PostgreSQL, and the production server on them:
    `make setup migrate serve` (Puma, two workers), as `production_server` runs it."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = Path(workdir)

    @contextlib.contextmanager
    def database(self) -> Iterator[Database]:
        from scaffolder.exercise.checking import CannotRun
        from scaffolder.exercise.launch import Database
        from tests.harness.postgres import PostgresServer, pg_bin

        if not (pg_bin("initdb") and pg_bin("pg_ctl")):
            raise CannotRun(f"[{STACK}] PostgreSQL server binaries (initdb, pg_ctl) not found")
        with PostgresServer() as pg:
            name = f"my_api_check_{secrets.token_hex(3)}"
            yield Database(
                label=f"PostgreSQL database {name} on 127.0.0.1:{pg.port}",
                env={"DATABASE_URL": pg.url(name)},
            )

    @contextlib.contextmanager
    def serve(
        self, source: Path, database: Database, env: Mapping[str, str], progress: Progress
    ) -> Iterator[str]:
        """`source` may be a `git worktree` of an older commit: it gets the harness's
        Gemfile and, having no .env (git ignores it), `make setup` writes one with a secret."""
        from scaffolder.exercise.checking import CannotRun
        from tests.harness.commands import ProjectCommandFailed
        from tests.harness.server import ServerFailed, serve

        source = Path(source)
        full_env = {**production_env(source, database.env["DATABASE_URL"]), **database.env, **env}
        progress(f"[{STACK}] make setup migrate serve in {source}")
        try:
            commands.run(STACK, ["make", "setup"], cwd=source, env=full_env, timeout=600)
            with serve(
                STACK, source, command=["make", "migrate", "serve"], env=full_env
            ) as base_url:
                yield base_url
        except (ServerFailed, ProjectCommandFailed) as exc:
            raise CannotRun(str(exc)) from None


def exercise_launcher(workdir: Path) -> Launcher:
    """How scaffolder's CI runs exercise checks against a rails-postgres project."""
    require_toolchain()
    require_postgres()
    return _ExerciseLauncher(workdir)


def project_checks(project: Path) -> None:
    """The project's own tests and lint, as tests/test_stack_rails_postgres.py runs them here.

    Tests: `make setup migrate` then `bin/rails db:test:prepare test` on a throwaway
    PostgreSQL (RAILS_ENV=test; migrating first re-dumps db/schema.rb in 6.1's format, which
    6.1 can load). Lint: `make lint` runs rubocop-rails-omakase and Brakeman, which Debian does
    not package, so Debian's rubocop with omakase's core rules (tests/harness/rails/rubocop.yml).
    db/schema.rb is restored afterwards when it was committed, so the next patch applies.
    """
    from tests.harness.postgres import PostgresServer

    require_toolchain()
    require_postgres()
    require_rubocop()
    project = Path(project)
    schema_was_clean = not subprocess.run(
        ["git", "status", "--porcelain", "--", "db/schema.rb"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    try:
        with PostgresServer() as pg:
            env = {
                **debian_env(project),
                "DATABASE_URL": pg.url("rails_project_checks"),
                "RAILS_ENV": "test",
            }
            commands.run(STACK, ["make", "setup", "migrate"], cwd=project, env=env, timeout=600)
            tests = commands.run(
                STACK,
                ["bin/rails", "db:test:prepare", "test"],
                cwd=project,
                env=env,
                timeout=900,
                check=False,
            )
        summary = re.search(r"\d+ runs, \d+ assertions, 0 failures, 0 errors", tests.stdout)
        if tests.returncode != 0 or not summary:
            raise AssertionError(
                f"[{STACK}] the project's tests (`bin/rails db:test:prepare test`) failed in "
                f"{project}:\n{tests.stdout[-commands.OUTPUT_TAIL :]}"
            )
        lint = commands.run(
            STACK,
            ["rubocop", "--config", str(HARNESS_RUBOCOP), "--format", "simple"],
            cwd=project,
            check=False,
        )
        if lint.returncode != 0:
            raise AssertionError(
                f"[{STACK}] the project's lint (rubocop, omakase's core rules) failed in "
                f"{project}:\n{lint.stdout[-commands.OUTPUT_TAIL :]}"
            )
    finally:
        if schema_was_clean:
            subprocess.run(
                ["git", "checkout", "--", "db/schema.rb"],
                cwd=project,
                capture_output=True,
                check=False,
            )
