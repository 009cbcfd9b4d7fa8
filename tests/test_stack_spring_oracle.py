"""spring-oracle: the generated project is complete, and its own commands
(`make setup test lint migrate seed run serve`) work. Its tests and servers run on H2 in
Oracle mode here (no Oracle server can run on this machine): see tests/stacks/spring_oracle.py."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.harness import commands
from tests.harness.scaffold import scaffold
from tests.harness.server import serve, server_output
from tests.stacks import spring_oracle as stack

pytestmark = pytest.mark.stack(stack.STACK)

SRC = "src/main/java/com/example/myapi"
TEST_SRC = "src/test/java/com/example/myapi"

# This stack's own layout; what every project has is checked in test_generated_projects.py.
SPEC_FILES = [
    "pom.xml", "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties",
    "src/main/resources/application.yml", "src/main/resources/application-h2.yml",
    "src/main/resources/db/migration/V1__create_users_and_tasks.sql",
    f"{SRC}/Application.java", f"{SRC}/config/WebSecurityConfig.java",
    f"{SRC}/web/ApiExceptionHandler.java", f"{SRC}/web/RequestIdFilter.java",
    f"{SRC}/web/HealthController.java", f"{SRC}/web/DocsController.java",
    f"{SRC}/auth/AuthController.java", f"{SRC}/task/TaskController.java",
    f"{SRC}/task/TaskRepository.java", f"{SRC}/seed/DemoDataSeeder.java",
    "src/test/resources/application-test.yml", f"{TEST_SRC}/TaskApiTest.java", f"{TEST_SRC}/OracleIT.java",
]  # fmt: skip


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True,
                          check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stack.generate(tmp_path_factory.mktemp("spring-oracle"))


@pytest.fixture(scope="module")
def env(project: Path) -> dict[str, str]:
    """`make setup`, once for the module; the environment the project runs with (h2 profile)."""
    stack.require_toolchain()
    return stack.setup(project)


def test_the_files_of_the_spec_are_there(project: Path) -> None:
    missing = [name for name in SPEC_FILES if not (project / name).exists()]
    assert not missing, f"[{stack.STACK}] missing from the generated project: {missing}"
    assert not list(project.rglob("*.jinja")), "a template file was copied unrendered"


def test_the_maven_wrapper_is_executable_and_committed_so(project: Path) -> None:
    assert os.access(project / "mvnw", os.X_OK), "mvnw is not executable"
    assert git(project, "ls-files", "-s", "mvnw").startswith("100755"), "mvnw is committed without +x"
    assert "repo.maven.apache.org" in (project / ".mvn/wrapper/maven-wrapper.properties").read_text()


def test_env_names_the_oracle_connection_and_a_jwt_secret(project: Path) -> None:
    def settings(name: str) -> dict[str, str]:
        lines = (project / name).read_text().splitlines()
        return dict(line.split("=", 1) for line in lines if re.match(r"[A-Z_]+=", line))

    env, example = settings(".env"), settings(".env.example")
    assert {"DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD", "DATABASE_POOL_SIZE", "JWT_SECRET",
            "CORS_ORIGINS", "HOST", "PORT"} <= env.keys()
    assert env["DATABASE_URL"].startswith("jdbc:oracle:thin:@")
    assert len(env["JWT_SECRET"]) >= 32 and env["JWT_SECRET"] != example["JWT_SECRET"]
    assert env["JWT_SECRET"] not in (project / ".env.example").read_text()


def test_a_fresh_clone_gets_its_env_from_make_setup(project: Path, tmp_path: Path) -> None:
    """.env is git-ignored: `make setup` writes it from .env.example, with a secret of its own."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], check=True, timeout=60)
    assert not (clone / ".env").exists()
    commands.run(stack.STACK, ["make", ".env"], cwd=clone)
    example = (clone / ".env.example").read_text()
    secrets = [re.search(r"^JWT_SECRET=(.*)$", text, re.MULTILINE).group(1)
               for text in ((clone / ".env").read_text(), example)]
    assert len(secrets[0]) >= 32 and secrets[0] != secrets[1], secrets
    assert (clone / ".env").read_text().replace(secrets[0], secrets[1]) == example


@pytest.mark.parametrize("args, phrase", [
    (["class"], "identifier 'class'"),                                  # a Java keyword
    (["go-to"], "identifier 'goto'"),                                   # my-api -> myapi: goto is reserved
    (["my-api", "--data", "java_package=com.example.new"], "keyword"),  # a keyword segment
    (["my-api", "--data", "java_package=Com.Example"], "lower-case"),   # not a package name
])
def test_names_that_cannot_be_a_java_package_are_refused(tmp_path: Path, args: list[str], phrase: str) -> None:
    result = scaffold("new", *args, "--stack", stack.STACK, "--defaults", cwd=tmp_path)
    assert result.returncode != 0, result.stdout
    assert phrase in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_projects_own_tests_pass(project: Path, env: dict[str, str]) -> None:
    """`./mvnw verify`: every H2-backed test passes; OracleIT runs only where Docker does."""
    commands.run(stack.STACK, ["make", "test"], cwd=project, env=env, timeout=stack.TEST_TIMEOUT)

    def totals(folder: str) -> dict[str, int]:
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for report in (project / "target" / folder).glob("TEST-*.xml"):
            suite = ET.parse(report).getroot()
            for key in counts:
                counts[key] += int(suite.get(key, 0))
        return counts

    unit = totals("surefire-reports")
    assert unit["tests"] >= 30 and unit["failures"] == unit["errors"] == unit["skipped"] == 0, unit
    oracle = totals("failsafe-reports")
    assert oracle["tests"] == 1 and oracle["failures"] == oracle["errors"] == 0, oracle
    # Skipped exactly when there is no Docker engine for Testcontainers (as on this machine).
    docker_up = bool(shutil.which("docker")) and subprocess.run(
        ["docker", "info"], check=False, capture_output=True, timeout=60).returncode == 0
    assert oracle["skipped"] == (0 if docker_up else 1), oracle


def test_lint_passes(project: Path, env: dict[str, str]) -> None:
    result = commands.run(stack.STACK, ["make", "lint"], cwd=project, env=env)
    assert "BUILD SUCCESS" in result.stdout


def test_seed_twice_then_the_server_answers(project: Path, env: dict[str, str]) -> None:
    """`make migrate seed seed`, then `make migrate run`: health, the demo login, five tasks."""
    commands.run(stack.STACK, ["make", "migrate", "seed", "seed"], cwd=project, env=env,
                 timeout=stack.TEST_TIMEOUT)
    with serve(stack.STACK, project, env=env, health_timeout=420) as base_url:
        with urllib.request.urlopen(f"{base_url}/health", timeout=10) as response:
            assert json.load(response) == {"status": "ok", "checks": {"database": "ok"}}
        login = urllib.request.Request(
            f"{base_url}/api/v1/auth/login", method="POST",
            data=json.dumps({"email": "demo@example.com", "password": "password123"}).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(login, timeout=30) as response:
            token = json.load(response)
        assert token["tokenType"] == "Bearer" and token["expiresIn"] == 3600
        tasks = urllib.request.Request(f"{base_url}/api/v1/tasks",
                                       headers={"Authorization": f"Bearer {token['accessToken']}"})
        with urllib.request.urlopen(tasks, timeout=30) as response:
            page = json.load(response)
        assert page["totalItems"] == 5, page
        assert {task["status"] for task in page["items"]} == {"todo", "doing", "done"}


def test_the_work_tree_stays_clean_after_the_commands(project: Path, env: dict[str, str]) -> None:
    # target/ (classes, reports, the H2 database) is git-ignored.
    status = git(project, "status", "--porcelain", "--ignored=no")
    assert status == "", f"[{stack.STACK}] files the .gitignore misses:\n{status}"


def test_another_base_package_lints_and_builds(tmp_path: Path, env: dict[str, str]) -> None:
    """Imports of the project's own classes sort by package name: check another one."""
    project = stack.generate(tmp_path, git=False, data={"java_package": "org.acme.tasks"})
    assert (project / "src/main/java/org/acme/tasks/Application.java").is_file()
    assert not (project / "src/main/java/com").exists()
    commands.run(stack.STACK, ["make", "lint"], cwd=project, env=env)
    commands.run(stack.STACK, ["./mvnw", "-B", "-ntp", "-q", "-DskipTests", "package"], cwd=project,
                 env=env, timeout=stack.TEST_TIMEOUT)


def request(base_url: str, path: str, body: dict | None = None, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{base_url}{path}", data=data, headers=headers,
                                 method="POST" if body is not None else "GET")
    with urllib.request.urlopen(req, timeout=60) as response:
        return json.load(response)


def test_the_production_server_refuses_the_placeholder_secret(project: Path, env: dict[str, str]) -> None:
    """`make serve` with .env.example's JWT_SECRET: one clear report, no stack trace, exit != 0."""
    placeholder = re.search(r"^JWT_SECRET=(.*)$", (project / ".env.example").read_text(), re.MULTILINE).group(1)
    result = commands.run(stack.STACK, ["make", "serve"], cwd=project, env={**env, "JWT_SECRET": placeholder},
                          timeout=stack.SERVE_TIMEOUT, check=False)
    assert result.returncode != 0, f"[{stack.STACK}] the server started with the placeholder secret"
    tail = result.stdout[-6000:]
    assert "JWT_SECRET is the placeholder from .env.example." in tail, tail
    assert "\tat " not in tail, f"[{stack.STACK}] a stack trace instead of one clear message:\n{tail}"


def test_production_serves_tasks_inserted_in_bulk_from_its_indexes(project: Path, env: dict[str, str]) -> None:
    """`make migrate serve` (the jar, `prod` profile): insert_tasks writes 1,000 tasks, the API
    lists them filtered and sorted, and H2's plan for the list query Hibernate sent reads the
    page straight from the (owner, status, created_at, id) index."""
    # Logger names are case-sensitive: an environment variable would say org.hibernate.sql.
    sql_log = {"SPRING_APPLICATION_JSON": json.dumps({"logging.level.org.hibernate.SQL": "debug"})}
    with stack.production_server(project, env=sql_log) as running:
        url = running.base_url
        output = server_output(url, tail=20_000) or ""
        # The last start is the server's (`make migrate` started the app before it).
        active = re.findall(r"profiles? (?:is|are) active: (.*)", output)
        assert active and {'"prod"', '"h2"'} <= set(active[-1].replace(" ", "").split(",")), output[-4000:]
        email = "bulk@example.com"
        request(url, "/api/v1/auth/register", {"email": email, "password": "password123"})
        token = request(url, "/api/v1/auth/login", {"email": email, "password": "password123"})["accessToken"]
        owner = request(url, "/api/v1/auth/me", token=token)["id"]

        running.insert_tasks(email, 1000)

        everything = request(url, "/api/v1/tasks?pageSize=100", token=token)
        assert everything["totalItems"] == 1000 and everything["totalPages"] == 10, everything["totalItems"]
        assert sum(task["dueDate"] is not None for task in everything["items"]) == 50
        todo = request(url, "/api/v1/tasks?status=todo&sort=-createdAt&pageSize=5", token=token)
        assert todo["totalItems"] == 334, todo  # x = 1, 4, ... 1000
        created = [task["createdAt"] for task in todo["items"]]
        assert {task["status"] for task in todo["items"]} == {"todo"} and created == sorted(created, reverse=True)
        assert len(set(created)) == 5, created

        logged = [line for line in (server_output(url, tail=20_000) or "").splitlines()
                  if "org.hibernate.SQL" in line and "from tasks" in line and "order by" in line]
        assert logged, f"[{stack.STACK}] no list query in the SQL log"
        query = logged[-1].split("org.hibernate.SQL", 1)[1].split(":", 1)[1].strip()
        values = [owner, "'todo'", "0", "5"] if query.count("?") == 4 else [owner, "'todo'", "5"]
        assert query.count("?") == len(values), query
        for value in values:
            query = query.replace("?", value, 1)
        plan = stack.h2_script(project, env, f"EXPLAIN {query};", timeout=120)
        assert "IX_TASKS_OWNER_STATUS_CREATED" in plan and "/* index sorted */" in plan, \
            f"[{stack.STACK}] the list query does not read its page from the index:\n{plan}"

