"""django-postgres: the generated project is complete, and its own commands
(`make setup migrate test lint seed run serve`) work against a real PostgreSQL server."""

from __future__ import annotations

import json
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import commands
from tests.harness.postgres import PostgresServer
from tests.harness.running import Running
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


psql = stack.psql


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx is the answer under test, not something to follow


NO_REDIRECTS = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def call(base_url: str, method: str, path: str, body: dict | None = None,
         **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request (headers as keyword arguments, `_` for `-`): status, headers, body."""
    sent = {name.replace("_", "-"): value for name, value in headers.items()}
    if body is not None:
        sent["Content-Type"] = "application/json"
    request = urllib.request.Request(f"{base_url}{path}", method=method, headers=sent,
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with NO_REDIRECTS.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def sign_up(base_url: str, email: str) -> str:
    """Register `email` through the API; its bearer token."""
    credentials = {"email": email, "password": "password123"}
    status, _, body = call(base_url, "POST", "/api/v1/auth/register", credentials)
    assert status == 201, f"[{stack.STACK}] register: {status} {body[:500]!r}"
    status, _, body = call(base_url, "POST", "/api/v1/auth/login", credentials)
    assert status == 200, f"[{stack.STACK}] login: {status} {body[:500]!r}"
    return json.loads(body)["accessToken"]


def list_tasks(base_url: str, token: str, query: str) -> dict:
    status, _, body = call(base_url, "GET", f"/api/v1/tasks?{query}",
                           Authorization=f"Bearer {token}")
    assert status == 200, f"[{stack.STACK}] GET /api/v1/tasks?{query}: {status} {body[:500]!r}"
    return json.loads(body)


@pytest.fixture(scope="module")
def production_url(postgres: PostgresServer) -> str:
    stack.require_toolchain()
    return postgres.url("django_production")


@pytest.fixture(scope="module")
def production(ready: Path, production_url: str) -> Iterator[Running]:
    """`make migrate serve` (gunicorn, DEBUG=false) on its own database."""
    with stack.serve_production(ready, production_url) as running:
        yield running


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


def test_make_setup_writes_a_missing_env_with_a_fresh_secret(project: Path) -> None:
    # A fresh clone has no .env (git-ignored): `make setup` starts by writing it.
    (project / ".env").unlink()
    dry_run = commands.run(stack.STACK, ["make", "-n", "setup"], cwd=project).stdout
    assert "> .env" in dry_run, dry_run
    secrets = set()
    for _ in range(2):
        (project / ".env").unlink(missing_ok=True)
        commands.run(stack.STACK, ["make", ".env"], cwd=project)
        written = (project / ".env").read_text().splitlines()
        example = (project / ".env.example").read_text().splitlines()
        [secret] = [line for line in written if line.startswith("SECRET_KEY=")]
        assert re.fullmatch(r"SECRET_KEY=[0-9a-f]{64}", secret), secret
        assert [line for line in written if line != secret] == [
            line for line in example if not line.startswith("SECRET_KEY=")]
        secrets.add(secret)
    assert len(secrets) == 2, "the same secret was written twice"


def test_the_production_server_serves_the_api(production: Running) -> None:
    status, headers, body = call(production.base_url, "GET", "/health")
    assert (status, json.loads(body)) == (200, {"status": "ok", "checks": {"database": "ok"}})
    assert headers["Server"].startswith("gunicorn"), headers
    token = sign_up(production.base_url, "serve@example.com")
    assert list_tasks(production.base_url, token, "")["totalItems"] == 0
    # No debug: an unknown route is the API's problem, never Django's debug page.
    status, headers, body = call(production.base_url, "GET", "/no/such/route")
    assert (status, headers["Content-Type"]) == (404, "application/problem+json"), body[:500]


def test_production_settings_with_a_real_domain(ready: Path, postgres: PostgresServer) -> None:
    """As deployed: ALLOWED_HOSTS is the domain, HTTPS comes from a proxy, and the
    Docker HEALTHCHECK still passes (it calls 127.0.0.1 over plain HTTP)."""
    dockerfile = (ready / "Dockerfile").read_text()
    healthcheck = re.search(r"^\s*CMD (\[.*\])\s*$", dockerfile.split("HEALTHCHECK", 1)[1],
                            re.MULTILINE)
    assert healthcheck, "Dockerfile: no HEALTHCHECK ... CMD [...]"
    probe = json.loads(healthcheck.group(1))
    assert probe[0] == "python", probe
    probe[0] = str(ready / ".venv" / "bin" / "python")
    with stack.serve_production(ready, postgres.url("django_deployed"),
                                ALLOWED_HOSTS="api.example.com",
                                SECURE_SSL_REDIRECT="true") as running:
        port = running.base_url.rsplit(":", 1)[1]
        result = subprocess.run(probe, env={"PORT": port}, capture_output=True, text=True, check=False,
                                timeout=30)
        assert result.returncode == 0, f"[{stack.STACK}] HEALTHCHECK failed: {result.stderr}"
        # Everything else checks the Host header and wants HTTPS.
        assert call(running.base_url, "GET", "/openapi.yaml")[0] == 400
        status, headers, _ = call(running.base_url, "GET", "/openapi.yaml",
                                  Host="api.example.com")
        assert (status, headers["Location"]) == (301, "https://api.example.com/openapi.yaml")
        status, headers, _ = call(running.base_url, "GET", "/openapi.yaml",
                                  Host="api.example.com", X_Forwarded_Proto="https")
        assert status == 200
        assert headers["Strict-Transport-Security"].startswith("max-age="), headers


def test_insert_tasks_fills_the_list(production: Running) -> None:
    token = sign_up(production.base_url, "bulk@example.com")
    production.insert_tasks("bulk@example.com", 1000)
    every = list_tasks(production.base_url, token, "pageSize=100")
    assert (every["totalItems"], every["totalPages"]) == (1000, 10)
    todo = list_tasks(production.base_url, token, "status=todo&sort=-createdAt")
    # Statuses cycle todo, doing, done from the first task: 334 of 1,000 are todo.
    assert todo["totalItems"] == 334
    items = todo["items"]
    assert {task["status"] for task in items} == {"todo"}
    created = [task["createdAt"] for task in items]
    assert created == sorted(created, reverse=True) and len(set(created)) == len(created)
    # Every other task has a due date; without one, a task comes last either way.
    for sort in ("dueDate", "-dueDate"):
        last = list_tasks(production.base_url, token, f"sort={sort}&page=50")["items"]
        first = list_tasks(production.base_url, token, f"sort={sort}&page=1")["items"]
        assert all(task["dueDate"] for task in first), sort
        assert not any(task["dueDate"] for task in last), sort
    # Another user's tasks stay theirs.
    assert list_tasks(production.base_url, sign_up(production.base_url, "x@example.com"),
                      "")["totalItems"] == 0


# The list request of the load benchmark, through the real view (DRF's test client),
# each SQL statement it sends EXPLAINed with ANALYZE on the production database.
EXPLAIN_LIST = r"""
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from accounts.models import User

client = APIClient()
client.force_authenticate(User.objects.get(email="scale@example.com"))
with CaptureQueriesContext(connection) as queries:
    response = client.get("/api/v1/tasks", {"status": "todo", "sort": "-createdAt"})
assert response.status_code == 200, response.content
assert response.json()["totalItems"] == 33334, response.json()["totalItems"]
with connection.cursor() as cursor:
    for query in queries:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + query["sql"])
        print(query["sql"])
        print("\n".join(row[0] for row in cursor.fetchall()))
        print("----")
"""


def test_the_list_at_scale_reads_an_index_and_counts_nothing(production: Running, ready: Path,
                                                              production_url: str) -> None:
    sign_up(production.base_url, "scale@example.com")
    production.insert_tasks("scale@example.com", 100_000)
    result = commands.run(stack.STACK, [".venv/bin/python", "manage.py", "shell", "-c",
                                        EXPLAIN_LIST], cwd=ready,
                          env={**stack.project_env(production_url), "ALLOWED_HOSTS": "testserver"})
    plans = [plan for plan in result.stdout.split("----") if "SELECT" in plan]
    [page_plan] = [plan for plan in plans if 'FROM "tasks_task"' in plan]
    [total_plan] = [plan for plan in plans if 'FROM "tasks_taskcount"' in plan]
    # The page: the index in its order, stopped after 20 rows; no sort, no table scan.
    assert "Index Scan Backward using task_owner_status_idx" in page_plan, page_plan
    assert "Sort" not in page_plan and "Seq Scan" not in page_plan, page_plan
    # The total: one row the triggers keep, not 33,334 index entries counted.
    assert "on tasks_task " not in total_plan and "COUNT(" not in total_plan.upper(), total_plan
    read = re.search(r"Scan .*on tasks_taskcount .*rows=(\d+)", total_plan)
    assert read and int(read.group(1)) == 1, total_plan
    assert psql(production_url, "SELECT count FROM tasks_taskcount c JOIN accounts_user u "
                "ON u.id = c.owner_id WHERE u.email = 'scale@example.com' AND status = 'todo'"
                ) == "33334"
