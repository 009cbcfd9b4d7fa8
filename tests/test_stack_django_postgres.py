"""django-postgres: the generated project is complete, and its own commands
(`make setup migrate test lint seed run`) work against a real PostgreSQL server."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.harness import commands
from tests.harness.postgres import PostgresServer
from tests.harness.server import serve
from tests.stacks import django_postgres as stack

pytestmark = pytest.mark.stack(stack.STACK)


# This stack's own layout; what every project has is checked in test_generated_projects.py.
SPEC_FILES = [
    "pyproject.toml", "requirements.txt", "requirements-dev.txt", "manage.py",
    "config/settings.py", "config/urls.py", "config/wsgi.py", "core/problems.py",
    "core/middleware.py", "core/views.py", "accounts/models.py",
    "accounts/migrations/0001_initial.py", "tasks/models.py",
    "tasks/migrations/0001_initial.py", "tasks/management/commands/seed.py",
    "tests/conftest.py", "tests/unit", "tests/integration",
]  # fmt: skip


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stack.generate(tmp_path_factory.mktemp("django-postgres"))


@pytest.fixture(scope="module")
def database_url(postgres: PostgresServer) -> str:
    """A database of its own on the session's throwaway PostgreSQL (tests/conftest.py)."""
    stack.require_toolchain()
    return postgres.url("django_stack")


@pytest.fixture(scope="module")
def ready(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's generated project after `make setup` (shared with the conformance run)."""
    stack.require_toolchain()
    return stack.prepared_project(tmp_path_factory.mktemp("django-postgres-ready"))


@pytest.fixture(scope="module")
def env(ready: Path, database_url: str) -> dict[str, str]:
    """`make migrate` on this module's database; the environment the project runs with."""
    env = stack.project_env(database_url)
    commands.run(stack.STACK, ["make", "migrate"], cwd=ready, env=env)
    return env


def psql(database_url: str, sql: str) -> str:
    psql_bin = shutil.which("psql")
    assert psql_bin, "psql not found (.ci/provision/postgres.sh installs it)"
    return subprocess.run([psql_bin, database_url, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                          check=True, capture_output=True, text=True, timeout=60).stdout.strip()


def test_the_files_of_the_spec_are_there(project: Path) -> None:
    missing = [name for name in SPEC_FILES if not (project / name).exists()]
    assert not missing, f"[{stack.STACK}] missing from the generated project: {missing}"
    assert not list(project.rglob("*.jinja")), "a template file was copied unrendered"


def test_the_projects_own_tests_pass_against_postgresql(ready: Path, env: dict[str, str]) -> None:
    result = commands.run(stack.STACK, ["make", "test"], cwd=ready, env=env)
    summary = re.search(r"=+ (.*) in [\d.]+s", result.stdout)
    assert summary and "passed" in summary.group(1), result.stdout[-3000:]
    assert not re.search(r"\d+ (failed|error|skipped)", summary.group(1)), summary.group(1)


def test_lint_passes_and_no_migration_is_missing(ready: Path, env: dict[str, str]) -> None:
    result = commands.run(stack.STACK, ["make", "lint"], cwd=ready, env=env)
    assert "No changes detected" in result.stdout


def test_seed_is_safe_to_run_twice(ready: Path, env: dict[str, str], database_url: str) -> None:
    for _ in range(2):
        commands.run(stack.STACK, ["make", "seed"], cwd=ready, env=env)
    # Read back from the throwaway server: DATABASE_URL won over the project's .env.
    counts = psql(database_url, "SELECT count(DISTINCT u.id), count(t.id) FROM accounts_user u "
                                "JOIN tasks_task t ON t.owner_id = u.id "
                                "WHERE u.email = 'demo@example.com'")
    assert counts == "1|5"


def test_the_server_answers_health_and_a_login(ready: Path, env: dict[str, str]) -> None:
    with serve(stack.STACK, ready, env=env) as base_url:
        with urllib.request.urlopen(f"{base_url}/health", timeout=10) as response:
            assert response.status == 200
            assert json.load(response) == {"status": "ok", "checks": {"database": "ok"}}
        commands.run(stack.STACK, ["make", "seed"], cwd=ready, env=env)
        request = urllib.request.Request(
            f"{base_url}/api/v1/auth/login", method="POST",
            data=json.dumps({"email": "demo@example.com", "password": "password123"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.load(response)["tokenType"] == "Bearer"


def test_the_work_tree_stays_clean_after_the_commands(ready: Path, env: dict[str, str]) -> None:
    # .venv, caches and bytecode the commands above wrote are all git-ignored.
    status = subprocess.run(["git", "status", "--porcelain", "--ignored=no"], cwd=ready,
                            capture_output=True, text=True, check=True).stdout
    assert status == "", f"[{stack.STACK}] files the .gitignore misses:\n{status}"
