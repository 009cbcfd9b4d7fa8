"""django-postgres: generate the project and run its own commands on a throwaway PostgreSQL.

Learners get Python 3.12 and PostgreSQL 17 (Dockerfile, docker-compose.yml, CI).
This harness runs the project's own Makefile with the `python3` on PATH (3.11 or
later: Django 5.2 and every pinned requirement support it), the pinned
requirements from PyPI, and Debian's PostgreSQL server (.ci/provision/postgres.sh),
whatever its major version.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from tests.harness import commands
from tests.harness.postgres import PostgresServer, pg_bin
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


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The generated project's `make migrate run` (Django's runserver) on a throwaway PostgreSQL."""
    from tests.harness.server import serve

    require_toolchain()
    project = prepared_project(Path(workdir))
    with PostgresServer() as pg:
        env = project_env(pg.url("django_conformance"))
        with serve(STACK, project, env=env) as base_url:
            yield base_url
