"""laravel-mysql: the generated project is complete, and its own tests pass on a real database.

What runs here (see tests/stacks/laravel_mysql.py for why): the generated code on
Debian 12's PHP 8.2 + Laravel 8.83 + PHPUnit 9.6 through the harness's Laravel-8
bootstrap, against a throwaway MariaDB 10.11; `php -l` on every PHP file;
`composer validate` (offline) on composer.json. Learners get Laravel 12, PHPUnit 11,
MySQL 8.4 and Pint, which this machine cannot install (no Packagist, no Docker).
`make lint` (Pint's Laravel preset) cannot run here; the generated CI runs it. In its
place, Debian's PHP_CodeSniffer checks PSR-12, the base of that preset, minus the three
sniffs where Laravel's style deliberately differs.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.harness import commands
from tests.stacks import laravel_mysql as stack

STACK = stack.STACK
pytestmark = pytest.mark.stack(STACK)
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

EXPECTED_FILES = [
    ".copier-answers.yml", ".devcontainer/devcontainer.json",
    ".devcontainer/docker-compose.devcontainer.yml", ".dockerignore", ".editorconfig",
    ".env.example", ".gitattributes", ".github/workflows/ci.yml", ".gitignore",
    "Dockerfile", "LICENSE", "Makefile", "README.md", "artisan", "composer.json",
    "docker-compose.yml", "docker/mysql/create-test-database.sql", "docs/openapi.yaml",
    "phpunit.xml", "pint.json", "public/index.php", "routes/api.php",
    "bootstrap/app.php", "bootstrap/providers.php",
    "config/app.php", "config/auth.php", "config/cors.php", "config/database.php",
    "app/Exceptions/ProblemDetails.php", "app/Http/Middleware/AssignRequestId.php",
    "app/Http/Middleware/EnsureJsonBody.php", "app/Models/User.php", "app/Models/Task.php",
    "app/Models/PersonalAccessToken.php", "app/Http/Resources/TaskResource.php",
    "app/Http/Requests/StoreTaskRequest.php", "app/Providers/AppServiceProvider.php",
    "database/seeders/DatabaseSeeder.php", "database/factories/TaskFactory.php",
    "resources/views/docs.blade.php", "tests/TestCase.php", "tests/Feature/TasksTest.php",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stack.generate(tmp_path_factory.mktemp("laravel"))


@pytest.fixture(scope="module")
def mariadb():
    stack.require_toolchain()
    from tests.harness.mariadb import MariaDBServer

    with MariaDBServer() as server:
        yield server


@pytest.fixture(scope="module")
def harness_copy(project: Path) -> Path:
    stack.require_toolchain()
    return stack.harness_copy(project)


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True).stdout


def test_every_file_of_the_spec_is_generated(project: Path) -> None:
    missing = [name for name in EXPECTED_FILES if not (project / name).is_file()]
    assert not missing, f"[{STACK}] missing files: {missing}"
    assert os.access(project / "artisan", os.X_OK), f"[{STACK}] artisan is not executable"
    assert (project / "docs/openapi.yaml").read_bytes() == (TEMPLATES / "_shared/openapi.yaml").read_bytes()


def test_env_has_a_valid_app_key_and_the_example_none(project: Path) -> None:
    env = (project / ".env").read_text()
    key = re.search(r"^APP_KEY=base64:(\S+)$", env, re.M)
    assert key, f"[{STACK}] .env has no base64 APP_KEY"
    assert len(base64.b64decode(key.group(1), validate=True)) == 32  # AES-256-CBC's key size
    assert re.search(r"^APP_KEY=$", (project / ".env.example").read_text(), re.M)


def test_no_committed_file_holds_the_generated_key(project: Path) -> None:
    key = re.search(r"^APP_KEY=(\S+)$", (project / ".env").read_text(), re.M).group(1)
    found = subprocess.run(["git", "grep", "-F", "-l", key, "HEAD"], cwd=project, capture_output=True, text=True)
    assert found.stdout == "", f"[{STACK}] the APP_KEY is committed in: {found.stdout}"


def test_config_files_parse_and_wire_the_database(project: Path) -> None:
    import json
    import xml.etree.ElementTree as ET

    import yaml

    compose = yaml.safe_load((project / "docker-compose.yml").read_text())
    assert compose["services"]["db"]["image"] == "mysql:8.4"
    assert "healthcheck" in compose["services"]["db"]
    assert compose["services"]["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    ci = yaml.safe_load((project / ".github/workflows/ci.yml").read_text())
    assert ci["jobs"]["test"]["services"]["mysql"]["image"] == "mysql:8.4"
    assert ci["jobs"]["test"]["env"]["DATABASE_URL"].startswith("mysql://")
    yaml.safe_load((project / ".devcontainer/docker-compose.devcontainer.yml").read_text())
    json.loads((project / ".devcontainer/devcontainer.json").read_text())
    php_env = {e.get("name"): e.get("value") for e in ET.parse(project / "phpunit.xml").getroot().iter("env")}
    assert php_env["DATABASE_URL"].endswith("/my_api_test"), "the tests must not default to the app's database"


def test_every_php_file_parses(project: Path) -> None:
    stack.require_toolchain()
    files = [name for name in git(project, "ls-files").split() if name.endswith(".php")] + ["artisan"]
    assert len(files) > 30
    for name in files:
        commands.run(STACK, ["php", "-l", name], cwd=project)


def test_composer_json_validates(project: Path, tmp_path: Path) -> None:
    from tests.harness.toolchain import require

    require("composer", why="Debian's composer package (.ci/provision/php.sh)")
    # No composer.lock ships (it cannot be resolved without Packagist): only composer.json is checked.
    commands.run(STACK, ["composer", "validate", "--strict", "--no-check-lock", "--no-interaction"],
                 cwd=project, env={"COMPOSER_HOME": str(tmp_path), "COMPOSER_DISABLE_NETWORK": "1"})


# Where Laravel's style (Pint's preset) departs from PSR-12: snake_case test method names,
# 'a'.$b concatenation, and public/index.php both declaring and running code.
PSR12_EXCEPT_LARAVEL = "PSR1.Methods.CamelCapsMethodName,PSR12.Operators.OperatorSpacing,PSR1.Files.SideEffects"


def test_code_style_psr12_as_a_stand_in_for_pint(project: Path) -> None:
    from tests.harness.toolchain import require

    require("phpcs", why="Debian's php-codesniffer (.ci/provision/php.sh)")
    commands.run(STACK, ["phpcs", "--standard=PSR12", "--warning-severity=0", f"--exclude={PSR12_EXCEPT_LARAVEL}",
                         "app", "bootstrap", "config", "database", "routes", "tests", "public"], cwd=project)


def test_migrations_and_seed_twice(harness_copy: Path, mariadb) -> None:
    url = mariadb.url("laravel_seed")
    env = stack.env_for(url)
    stack.migrate(harness_copy, url)
    for _ in range(2):  # the seeder must be safe to run twice
        commands.run(STACK, ["php", "artisan", "db:seed", "--force"], cwd=harness_copy, env=env)
    counts = mariadb.sql(
        "SELECT COUNT(*) FROM laravel_seed.users WHERE email = 'demo@example.com';"
        "SELECT COUNT(*), COUNT(DISTINCT status) FROM laravel_seed.tasks;"
    ).split()
    # --batch output: header, value; header, header, values
    assert counts[1] == "1", f"[{STACK}] demo users after two seeds: {counts}"
    assert counts[-2:] == ["5", "3"], f"[{STACK}] seeded tasks (count, statuses): {counts}"


def test_the_projects_own_tests_pass_on_mariadb(harness_copy: Path, mariadb) -> None:
    url = mariadb.url("laravel_test")
    # The project's phpunit.xml, as `composer test` would use it (PHPUnit 9.6 here, see module doc).
    result = commands.run(STACK, ["phpunit", "--colors=never"], cwd=harness_copy, env=stack.env_for(url))
    summary = re.search(r"^OK \((\d+) tests?, (\d+) assertions?\)$", result.stdout, re.M)
    assert summary, f"[{STACK}] no PHPUnit OK summary:\n{result.stdout[-4000:]}"
    assert int(summary.group(1)) >= 20, f"[{STACK}] fewer tests ran than the project has:\n{result.stdout}"


def test_the_served_app_answers(tmp_path: Path) -> None:
    with stack.served(tmp_path) as base_url:
        with urllib.request.urlopen(f"{base_url}/health", timeout=10) as response:
            assert response.status == 200
            assert response.headers["X-Request-Id"]
        with urllib.request.urlopen(f"{base_url}/openapi.yaml", timeout=10) as response:
            assert response.read() == (TEMPLATES / "_shared/openapi.yaml").read_bytes()


def test_the_harness_runs_the_projects_bootstrap_file(project: Path, harness_copy: Path) -> None:
    """Only the Application import of bootstrap/app.php differs under the harness."""
    original = (project / "bootstrap/app.php").read_text()
    patched = (harness_copy / "bootstrap/app.php").read_text()
    assert patched == original.replace(stack.APPLICATION_IMPORT, stack.HARNESS_IMPORT)
    for unchanged in ("public/index.php", "artisan", "routes/api.php", "phpunit.xml"):
        assert (project / unchanged).read_bytes() == (harness_copy / unchanged).read_bytes()
