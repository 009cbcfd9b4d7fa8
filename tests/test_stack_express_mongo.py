"""express-mongo: the generated project is complete, and its own commands
(`make setup migrate test lint seed run serve`) work against a real MongoDB wire-protocol server.

Which server judged it: FerretDB v1.24.0 on SQLite (tests/harness/mongo.py), because
no `mongod` can be installed on this machine; learners and the generated CI use
MongoDB 8. Node.js is 26 LTS (the project's "engines", .nvmrc and Dockerfile) from
.ci/provision/node.sh, first on PATH; locally, without it, the system's node >= 20.19
stands in. The packages are the exact ones of package-lock.json.
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import commands
from tests.harness.mongo import MongoServer
from tests.harness.server import serve
from tests.harness.toolchain import unavailable
from tests.stacks import express_mongo as stack

pytestmark = pytest.mark.stack(stack.STACK)


# This stack's own layout; what every project has is checked in test_generated_projects.py.
SPEC_FILES = [
    ".nvmrc", "package.json", "package-lock.json", "eslint.config.js", ".prettierrc.json",
    "jest.config.js", "src/server.js", "src/app.js", "src/config.js", "src/db.js",
    "src/models/user.js", "src/models/task.js", "src/routes/tasks.js", "src/routes/auth.js",
    "src/routes/health.js", "src/routes/docs.js", "src/lib/problems.js", "scripts/migrate.js",
    "scripts/seed.js", "scripts/create-env.js", "tests/unit", "tests/integration",
]  # fmt: skip

NPM_REGISTRY = "https://registry.npmjs.org/"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stack.generate(tmp_path_factory.mktemp("express-mongo"))


@pytest.fixture(scope="module")
def mongo() -> Iterator[MongoServer]:
    stack.require_toolchain()
    with MongoServer() as server:
        yield server


@pytest.fixture(scope="module")
def env(project: Path, mongo: MongoServer) -> dict[str, str]:
    """`make setup migrate`, once for the module; the environment the project ran with."""
    return stack.setup(project, mongo.uri("express_stack"))


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, text=True, capture_output=True,
                          check=True).stdout


def test_the_files_of_the_spec_are_there(project: Path) -> None:
    missing = [name for name in SPEC_FILES if not (project / name).exists()]
    assert not missing, f"[{stack.STACK}] missing from the generated project: {missing}"
    assert not list(project.rglob("*.jinja")), "a template file was copied unrendered"


def test_package_lock_is_reproducible_from_the_npm_registry(project: Path) -> None:
    package = json.loads((project / "package.json").read_text())
    lock = json.loads((project / "package-lock.json").read_text())
    assert lock["name"] == package["name"] == "my-api"
    assert lock["packages"][""]["license"] == package["license"]
    assert package["engines"]["node"] == lock["packages"][""]["engines"]["node"] == ">=26"
    assert (project / ".nvmrc").read_text().strip() == str(stack.NODE_LTS_MAJOR)
    foreign = {
        name: entry.get("resolved")
        for name, entry in lock["packages"].items()
        if name and not str(entry.get("resolved", "")).startswith(NPM_REGISTRY)
    }
    assert not foreign, f"[{stack.STACK}] lock entries not from {NPM_REGISTRY}: {foreign}"
    # Every optional platform binary is locked too, or `npm ci` fails on other OSes.
    unlocked = [
        f"{name} -> {dep}"
        for name, entry in lock["packages"].items()
        for dep in entry.get("optionalDependencies", {})
        if f"node_modules/{dep}" not in lock["packages"]
        and f"{name}/node_modules/{dep}" not in lock["packages"]
    ]
    assert not unlocked, f"[{stack.STACK}] optional dependencies missing from the lock: {unlocked}"


# The project's tests of MongoDB's query plans (index use of the list and its count) are
# skipped on servers without MongoDB's planner, as FerretDB, whose explain() shows SQLite's.
PLAN_TESTS = 2


def test_the_projects_own_tests_pass_against_ferretdb(project: Path, env: dict[str, str]) -> None:
    """`make test` (Jest + Supertest) with MONGODB_URI at FerretDB v1.24.0 (SQLite)."""
    result = commands.run(stack.STACK, ["make", "test"], cwd=project, env=env)
    summary = re.search(r"^Tests:\s+(.*)$", result.stdout, re.MULTILINE)
    assert summary, result.stdout[-3000:]
    counts = re.fullmatch(r"(\d+) skipped, (\d+) passed, (\d+) total", summary.group(1).strip())
    assert counts, f"[{stack.STACK}] {summary.group(1)}\n{result.stdout[-3000:]}"
    skipped, passed, total = map(int, counts.groups())
    assert skipped == PLAN_TESTS and passed + skipped == total, summary.group(1)


def test_lint_passes(project: Path, env: dict[str, str]) -> None:
    result = commands.run(stack.STACK, ["make", "lint"], cwd=project, env=env)
    assert "All matched files use Prettier code style!" in result.stdout


def test_migrate_builds_the_declared_indexes(project: Path, env: dict[str, str]) -> None:
    result = commands.run(stack.STACK, ["make", "migrate"], cwd=project, env=env)
    assert "email_1" in result.stdout
    task_indexes = ("owner_1_createdAt_-1__id_-1", "owner_1_status_1_createdAt_-1__id_-1",
                    "owner_1_dueDate_1__id_1", "owner_1_title_1__id_1")
    for index in task_indexes:
        assert index in result.stdout, result.stdout


def _post(base_url: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        f"{base_url}{path}", method="POST", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def _login(base_url: str, email: str, password: str) -> str:
    token = _post(base_url, "/api/v1/auth/login", {"email": email, "password": password})
    assert token["tokenType"] == "Bearer"
    return token["accessToken"]


def _list(base_url: str, token: str, **query: str | int) -> dict:
    request = urllib.request.Request(
        f"{base_url}/api/v1/tasks?{urllib.parse.urlencode(query)}",
        headers={"Authorization": f"Bearer {token}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def _login_and_list(base_url: str) -> dict:
    return _list(base_url, _login(base_url, "demo@example.com", "password123"), pageSize=100)


def test_the_project_runs_on_node_lts(env: dict[str, str]) -> None:
    """In CI the project's commands run on Node.js 26 LTS (.ci/provision/node.sh), not Debian's."""
    if not stack.node_lts_installed():
        unavailable(f"Node.js {stack.NODE_LTS_MAJOR} is not in {stack.NODE_LTS_DIR}: "
                    "the project's commands run on the system's node instead")
    version = stack.node_version()
    assert version.startswith(f"v{stack.NODE_LTS_MAJOR}."), version


def test_seed_twice_then_the_development_server_serves_the_demo_account(
    project: Path, env: dict[str, str]
) -> None:
    """`make run` (the development server) still answers /health and the demo login."""
    for _ in range(2):
        commands.run(stack.STACK, ["make", "seed"], cwd=project, env=env)
    with serve(stack.STACK, project, env=env) as base_url:
        with urllib.request.urlopen(f"{base_url}/health", timeout=10) as response:
            assert response.status == 200
            assert json.load(response) == {"status": "ok", "checks": {"database": "ok"}}
        page = _login_and_list(base_url)
    # Read back through the app on the harness's server: MONGODB_URI won over .env.
    assert page["totalItems"] == 5
    assert {task["status"] for task in page["items"]} == {"todo", "doing", "done"}


def test_setup_writes_env_from_the_example_on_a_fresh_clone(project: Path,
                                                            env: dict[str, str]) -> None:
    """A clone has no .env (Git ignores it): `make setup` writes one with its own secret."""
    clone = project.parent / "fresh-clone"
    subprocess.run(["git", "clone", "--quiet", str(project), str(clone)], check=True)
    assert not (clone / ".env").exists()
    # Only the .env target: `npm ci` of a whole setup is tested above.
    result = commands.run(stack.STACK, ["make", ".env"], cwd=clone, env=env)
    assert "wrote .env" in result.stdout, result.stdout
    settings = dict(line.split("=", 1) for line in (clone / ".env").read_text().splitlines()
                    if line and not line.startswith("#"))
    example = (clone / ".env.example").read_text()
    assert re.fullmatch(r"[0-9a-f]{64}", settings["JWT_SECRET"]), settings["JWT_SECRET"]
    assert settings["JWT_SECRET"] not in example
    again = commands.run(stack.STACK, ["make", ".env"], cwd=clone, env=env)
    assert "up to date" in again.stdout, again.stdout  # never overwritten


def test_serve_refuses_the_placeholder_secret_in_production(project: Path,
                                                            env: dict[str, str]) -> None:
    result = commands.run(stack.STACK, ["make", "serve"], cwd=project, check=False,
                          env={**env, "JWT_SECRET": "change-me", "PORT": "9"})
    assert result.returncode != 0, result.stdout
    assert "placeholder from .env.example" in result.stdout, result.stdout


def test_the_production_server_lists_inserted_tasks(project: Path, env: dict[str, str]) -> None:
    """`make migrate serve`, then insert_tasks (the load benchmark's bulk insert) for a user."""
    email, password = "bulk@example.com", "bulk-password"
    with stack.serve_production(project, env) as running:
        _post(running.base_url, "/api/v1/auth/register", {"email": email, "password": password})
        running.insert_tasks(email, 1000)
        token = _login(running.base_url, email, password)
        everything = _list(running.base_url, token, pageSize=100)
        todo = _list(running.base_url, token, status="todo", sort="-createdAt", pageSize=100)
        oldest = _list(running.base_url, token, sort="createdAt", pageSize=3)
        by_due = _list(running.base_url, token, sort="dueDate", page=6, pageSize=100)
    assert everything["totalItems"] == 1000 and everything["totalPages"] == 10
    assert todo["totalItems"] == 334, todo["totalItems"]  # every third task, from the first
    assert {task["status"] for task in todo["items"]} == {"todo"}
    created = [task["createdAt"] for task in todo["items"]]
    assert created == sorted(created, reverse=True) and len(set(created)) == len(created)
    assert [task["title"] for task in oldest["items"]] == [
        "Task 0000001", "Task 0000002", "Task 0000003"
    ]
    # 500 tasks have a due date (pages 1-5), the other 500 come after them.
    assert all(task["dueDate"] is None for task in by_due["items"]), by_due["items"][:3]
    assert sum(task["dueDate"] is not None for task in everything["items"]) == 50
