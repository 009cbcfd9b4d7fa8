"""express-mongo: the generated project is complete, and its own commands
(`make setup migrate test lint seed run`) work against a real MongoDB wire-protocol server.

Which server judged it: FerretDB v1.24.0 on SQLite (tests/harness/mongo.py), because
no `mongod` can be installed on this machine; learners and the generated CI use
MongoDB 8. Node.js is whatever `node` is on PATH (>= 20.19, the project's "engines";
learners get 26 LTS through .nvmrc), with the exact packages of package-lock.json.
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import commands
from tests.harness.mongo import MongoServer
from tests.harness.server import serve
from tests.stacks import express_mongo as stack

pytestmark = pytest.mark.stack(stack.STACK)


# This stack's own layout; what every project has is checked in test_generated_projects.py.
SPEC_FILES = [
    ".nvmrc", "package.json", "package-lock.json", "eslint.config.js", ".prettierrc.json",
    "jest.config.js", "src/server.js", "src/app.js", "src/config.js", "src/db.js",
    "src/models/user.js", "src/models/task.js", "src/routes/tasks.js", "src/routes/auth.js",
    "src/routes/health.js", "src/routes/docs.js", "src/lib/problems.js", "scripts/migrate.js",
    "scripts/seed.js", "tests/unit", "tests/integration",
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
    assert package["engines"]["node"] == ">=20.19"
    assert (project / ".nvmrc").read_text().strip().isdigit()
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


def test_the_projects_own_tests_pass_against_ferretdb(project: Path, env: dict[str, str]) -> None:
    """`make test` (Jest + Supertest) with MONGODB_URI at FerretDB v1.24.0 (SQLite)."""
    result = commands.run(stack.STACK, ["make", "test"], cwd=project, env=env)
    summary = re.search(r"^Tests:\s+(.*)$", result.stdout, re.MULTILINE)
    assert summary, result.stdout[-3000:]
    assert re.fullmatch(r"(\d+) passed, \1 total", summary.group(1).strip()), summary.group(1)


def test_lint_passes(project: Path, env: dict[str, str]) -> None:
    result = commands.run(stack.STACK, ["make", "lint"], cwd=project, env=env)
    assert "All matched files use Prettier code style!" in result.stdout


def test_migrate_builds_the_declared_indexes(project: Path, env: dict[str, str]) -> None:
    result = commands.run(stack.STACK, ["make", "migrate"], cwd=project, env=env)
    assert "email_1" in result.stdout
    task_indexes = ("owner_1_createdAt_-1__id_-1", "owner_1_dueDate_1__id_1",
                    "owner_1_title_1__id_1")
    for index in task_indexes:
        assert index in result.stdout, result.stdout


def _login_and_list(base_url: str) -> dict:
    login = urllib.request.Request(
        f"{base_url}/api/v1/auth/login", method="POST",
        data=json.dumps({"email": "demo@example.com", "password": "password123"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(login, timeout=30) as response:
        token = json.load(response)
    assert token["tokenType"] == "Bearer"
    tasks = urllib.request.Request(
        f"{base_url}/api/v1/tasks?pageSize=100",
        headers={"Authorization": f"Bearer {token['accessToken']}"},
    )
    with urllib.request.urlopen(tasks, timeout=30) as response:
        return json.load(response)


def test_seed_twice_then_the_server_serves_the_demo_account(project: Path,
                                                             env: dict[str, str]) -> None:
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
