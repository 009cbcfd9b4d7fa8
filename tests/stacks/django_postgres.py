"""django-postgres: generate the project and run its own commands on a throwaway PostgreSQL.

Learners get Python 3.14 and PostgreSQL 17 (Dockerfile, docker-compose.yml, CI).
This harness runs the project's own Makefile with the `python3` on PATH (3.11 or
later: Django 5.2 and every pinned requirement support it; this machine has 3.11),
the pinned requirements from PyPI, and Debian's PostgreSQL server
(.ci/provision/postgres.sh), whatever its major version.
"""

from __future__ import annotations

import contextlib
import functools
import re
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path

from scaffolder.exercise.checking import CannotRun
from scaffolder.exercise.launch import Database, Launcher, Progress
from tests.harness import commands, postgres
from tests.harness.postgres import PostgresServer, pg_bin
from tests.harness.running import Running
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.toolchain import require, unavailable

STACK = "django-postgres"
SETUP_TIMEOUT = 600  # `make setup`: a virtualenv and the pinned wheels from PyPI

# One generated project with its virtualenv per test session, shared by the stack
# tests and the conformance run: `make setup` is the slow part. Each user brings
# its own database (DATABASE_URL), and no command changes the project's files.
_prepared: Path | None = None


def require_toolchain() -> None:
    """Skip (locally) or fail (in CI) unless python3, make, git and PostgreSQL are there."""
    require("python3", "make", "git", why="see .ci/provision/postgres.sh")
    if not (pg_bin("initdb") and pg_bin("pg_ctl")):
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found (.ci/provision/postgres.sh)")


def generate(parent: Path, name: str = "my-api") -> Path:
    return scaffold_generate(STACK, parent, name=name)


def prepared_project(parent: Path) -> Path:
    """A generated project after `make setup`: made in `parent` by the session's first call."""
    global _prepared
    if _prepared is None or not (_prepared / ".venv").is_dir():
        project = generate(parent)
        commands.run(STACK, ["make", "setup"], cwd=project, timeout=SETUP_TIMEOUT)
        _prepared = project
    return _prepared


def project_env(database_url: str) -> dict[str, str]:
    """The environment of the project's commands: DATABASE_URL wins over the project's .env."""
    return {"DATABASE_URL": database_url}


# The production server as `make serve` runs it, with plain HTTP on loopback:
# production settings redirect HTTP to HTTPS unless told there is no TLS proxy.
PRODUCTION_ENV = {"SECURE_SSL_REDIRECT": "false"}

# `count` tasks for one user in one statement: statuses cycle todo/doing/done,
# createdAt values are distinct (1 ms apart, older than the user's other tasks),
# every other task has a dueDate. The project's triggers update its TaskCount
# totals in the same statement. Then VACUUM ANALYZE, as autovacuum would after a
# bulk load, so the planner sees the table as it now is.
INSERT_TASKS_SQL = """\
INSERT INTO tasks_task (owner_id, title, description, status, due_date, created_at, updated_at)
SELECT u.id, 'Task ' || n, NULL, (ARRAY['todo', 'doing', 'done'])[(n - 1) % 3 + 1],
       CASE WHEN n % 2 = 0 THEN DATE '2027-01-01' + (n % 365) END,
       oldest.at - n * INTERVAL '1 millisecond', oldest.at - n * INTERVAL '1 millisecond'
FROM accounts_user u
CROSS JOIN LATERAL (SELECT LEAST(now(), min(created_at)) AS at
                    FROM tasks_task WHERE owner_id = u.id) AS oldest
CROSS JOIN generate_series(1, :count) AS n
WHERE u.email = lower(:'email');
VACUUM ANALYZE tasks_task;
"""


def psql(database_url: str, sql: str, **variables: str | int) -> str:
    """Run `sql` with psql (`:name`/`:'name'` variables), stopping at the first error."""
    return postgres.psql(STACK, database_url, sql, timeout=300, **variables).strip()


def insert_tasks(database_url: str, owner_email: str, count: int) -> None:
    """`count` tasks for a registered user, straight into the database (set-based)."""
    if not psql(database_url, "SELECT id FROM accounts_user WHERE email = lower(:'email')",
                email=owner_email):
        raise AssertionError(f"[{STACK}] insert_tasks: no user {owner_email!r} (register first)")
    psql(database_url, INSERT_TASKS_SQL, email=owner_email, count=int(count))


@contextlib.contextmanager
def serve_production(project: Path, database_url: str, **env: str) -> Iterator[Running]:
    """`make migrate serve` in a prepared project on `database_url`; `env` adds settings."""
    from tests.harness.server import serve

    full_env = {**project_env(database_url), **PRODUCTION_ENV, **env}
    with serve(STACK, project, command=["make", "migrate", "serve"], env=full_env) as base_url:
        yield Running(stack=STACK, base_url=base_url,
                      insert_tasks=functools.partial(insert_tasks, database_url))


@contextlib.contextmanager
def production(workdir: Path) -> Iterator[Running]:
    """`make migrate serve` (the production server) on a throwaway database."""
    require_toolchain()
    project = prepared_project(Path(workdir))
    with PostgresServer() as pg, serve_production(project, pg.url("django_production")) as running:
        yield running


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The conformance suite's server: the production one (gunicorn, DEBUG=false)."""
    with production(workdir) as running:
        yield running.base_url


# --- Exercises (scaffolder.exercise): the proof runs checks through this launcher. ---

# The virtualenv of the exercise servers, once one exists (see _venv_for).
_exercise_venv: Path | None = None


def _venv_for(source: Path) -> Path:
    """The virtualenv to run `source` with: its own after `make setup`, else one made
    earlier in this session (the prepared project's, or another source's): a checkout of
    an older commit or a mutant's worktree has none, and the pinned requirements are the
    same in every commit of an exercise series. Else `make setup` in `source`, once."""
    global _exercise_venv
    if (source / ".venv").is_dir():
        _exercise_venv = _exercise_venv or source / ".venv"
        return source / ".venv"
    if _prepared is not None and (_prepared / ".venv").is_dir():
        return _prepared / ".venv"
    if _exercise_venv is None or not _exercise_venv.is_dir():
        commands.run(STACK, ["make", "setup"], cwd=source, timeout=SETUP_TIMEOUT)
        _exercise_venv = source / ".venv"
    return _exercise_venv


class _ExerciseLauncher:
    """Throwaway databases on one throwaway PostgreSQL server, and the project's production
    server (`make migrate serve`: gunicorn, several worker processes) on them."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = Path(workdir)
        # One signing key for every server of this launcher (the environment wins over a
        # project's .env, and a checkout has none): a token issued by the exercise's start
        # commit still works once the learner's code serves the same database.
        self.secret_key = secrets.token_hex(32)

    @contextlib.contextmanager
    def database(self) -> Iterator[Database]:
        if not (pg_bin("initdb") and pg_bin("pg_ctl")):
            raise CannotRun(f"[{STACK}] PostgreSQL server binaries (initdb, pg_ctl) not found")
        with PostgresServer() as pg:
            name = f"my_api_check_{secrets.token_hex(3)}"
            url = pg.url(name)
            yield Database(label=f"PostgreSQL database {name} on 127.0.0.1:{pg.port}",
                           env=project_env(url))

    @contextlib.contextmanager
    def serve(self, source: Path, database: Database, env: Mapping[str, str],
              progress: Progress) -> Iterator[str]:
        from tests.harness.server import ServerFailed, serve

        source = Path(source)
        full_env = {**PRODUCTION_ENV, "SECRET_KEY": self.secret_key,
                    # No internet in CI: holidays stay unknown (null) unless a check points
                    # the server at its stub; nothing listens on port 9 of this machine.
                    "HOLIDAYS_API_URL": "http://127.0.0.1:9",
                    **database.env, **env, "VENV": str(_venv_for(source).resolve())}
        progress(f"[{STACK}] make migrate serve in {source}")
        try:
            with serve(STACK, source, command=["make", "migrate", "serve"],
                       env=full_env) as base_url:
                yield base_url
        except ServerFailed as exc:
            raise CannotRun(str(exc)) from None


def exercise_launcher(workdir: Path) -> Launcher:
    """How scaffolder's CI runs exercise checks against a django-postgres project."""
    return _ExerciseLauncher(workdir)


def project_checks(project: Path) -> None:
    """The project's own `make test` and `make lint` on a throwaway PostgreSQL, as
    tests/test_stack_django_postgres.py runs them; AssertionError with their output."""
    require_toolchain()
    project = Path(project)
    env = {"VENV": str(_venv_for(project).resolve())}
    if not (project / ".env").exists():
        env["SECRET_KEY"] = secrets.token_hex(32)
    with PostgresServer() as pg:
        env.update(project_env(pg.url("django_project_checks")))
        commands.run(STACK, ["make", "migrate"], cwd=project, env=env)
        tests = commands.run(STACK, ["make", "test"], cwd=project, env=env).stdout
        # As the stack test: every test ran and passed (a skip hides a missing piece).
        summary = re.search(r"=+ (.*) in [\d.]+s", tests)
        if not summary or re.search(r"\d+ (failed|error|skipped)", summary.group(1)):
            raise AssertionError(f"[{STACK}] `make test` in {project}: not every test passed\n"
                                 f"{tests[-commands.OUTPUT_TAIL:]}")
        commands.run(STACK, ["make", "lint"], cwd=project, env=env)
