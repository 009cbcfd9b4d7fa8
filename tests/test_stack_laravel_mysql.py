"""laravel-mysql: the generated project is complete, and its own tests pass on a real database.

What runs here (see tests/stacks/laravel_mysql.py for why): the generated code on
Debian 12's PHP 8.2 + Laravel 8.83 + PHPUnit 9.6 through the harness's Laravel-8
bootstrap, against a throwaway MariaDB 10.11; `php -l` on every PHP file;
`composer validate` (offline) on composer.json. Learners get Laravel 13, PHPUnit 12,
MySQL 8.4 and Pint, which this machine cannot install (no Packagist, no Docker).
`make lint` (Pint's Laravel preset) cannot run here; the generated CI runs it. In its
place, Debian's PHP_CodeSniffer checks PSR-12, the base of that preset, minus the three
sniffs where Laravel's style deliberately differs.

`make serve`, the production pair (nginx in front of php-fpm), runs for real on Debian's
nginx and php8.2-fpm; so does `make run` (as `php -S`). The Dockerfile and the compose
files are not run (no Docker engine here). Each harness backport has a test of its own.
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
    "phpunit.xml", "pint.json", "public/index.php", "routes/api.php", "routes/console.php",
    "bootstrap/app.php", "bootstrap/providers.php",
    "config/app.php", "config/auth.php", "config/cors.php", "config/database.php",
    "app/Exceptions/ProblemDetails.php", "app/Http/Middleware/AssignRequestId.php",
    "app/Http/Middleware/EnsureJsonBody.php", "app/Models/User.php", "app/Models/Task.php",
    "app/Models/ApiToken.php", "app/Http/Resources/TaskResource.php",
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
    key = re.search(r"^APP_KEY=base64:(\S+)$", env, re.MULTILINE)
    assert key, f"[{STACK}] .env has no base64 APP_KEY"
    assert len(base64.b64decode(key.group(1), validate=True)) == 32  # AES-256-CBC's key size
    assert re.search(r"^APP_KEY=$", (project / ".env.example").read_text(), re.MULTILINE)


def test_no_committed_file_holds_the_generated_key(project: Path) -> None:
    key = re.search(r"^APP_KEY=(\S+)$", (project / ".env").read_text(), re.MULTILINE).group(1)
    found = subprocess.run(["git", "grep", "-F", "-l", key, "HEAD"], cwd=project, capture_output=True, text=True,
                           check=False)  # 1: no file holds it
    assert found.stdout == "", f"[{STACK}] the APP_KEY is committed in: {found.stdout}"


def test_config_files_parse_and_wire_the_database(project: Path) -> None:
    import json
    import xml.etree.ElementTree as ET

    import yaml

    compose = yaml.safe_load((project / "docker-compose.yml").read_text())
    assert compose["services"]["db"]["image"] == "mysql:8.4"
    assert "healthcheck" in compose["services"]["db"]
    assert compose["services"]["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    # The scheduler (model:prune of expired tokens) runs next to the web server, from its image.
    scheduler = compose["services"]["scheduler"]
    assert scheduler["command"] == ["php", "artisan", "schedule:work"] and scheduler["build"] == "."
    assert scheduler["depends_on"]["app"]["condition"] == "service_healthy"
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
    summary = re.search(r"^OK \((\d+) tests?, (\d+) assertions?\)$", result.stdout, re.MULTILINE)
    assert summary, f"[{STACK}] no PHPUnit OK summary:\n{result.stdout[-4000:]}"
    assert int(summary.group(1)) >= 20, f"[{STACK}] fewer tests ran than the project has:\n{result.stdout}"


def call(base_url: str, method: str, path: str, body: dict | None = None, token: str | None = None):
    """(status, parsed JSON or None, headers) of one request; errors are answers too."""
    import json
    import urllib.error

    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base_url + path, data=data, method=method, headers=headers)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=60) as response:
            raw, status, answer_headers = response.read(), response.status, response.headers
    except urllib.error.HTTPError as error:
        raw, status, answer_headers = error.read(), error.code, error.headers
    return status, (json.loads(raw) if raw.strip().startswith(b"{") else None), answer_headers


def register_and_login(base_url: str, email: str) -> str:
    status, body, _ = call(base_url, "POST", "/api/v1/auth/register", {"email": email, "password": "password123"})
    assert status == 201, f"[{STACK}] register: {status} {body}"
    status, body, _ = call(base_url, "POST", "/api/v1/auth/login", {"email": email, "password": "password123"})
    assert status == 200, f"[{STACK}] login: {status} {body}"
    return body["accessToken"]


def test_the_development_server_answers_health_and_a_login(tmp_path: Path) -> None:
    """`make run` (PHP's built-in server) still works; the conformance suite uses `make serve`."""
    with stack.development(tmp_path) as base_url:
        status, body, headers = call(base_url, "GET", "/health")
        assert status == 200 and headers["X-Request-Id"], f"[{STACK}] /health: {status} {body}"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
        with opener.open(f"{base_url}/openapi.yaml", timeout=60) as response:
            assert response.read() == (TEMPLATES / "_shared/openapi.yaml").read_bytes()
        token = register_and_login(base_url, "dev@example.com")
        status, body, _ = call(base_url, "GET", "/api/v1/auth/me", token=token)
        assert (status, body["email"]) == (200, "dev@example.com"), f"[{STACK}] me: {status} {body}"


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory):
    with stack.production(tmp_path_factory.mktemp("laravel-production")) as running:
        yield running


def test_make_serve_is_nginx_in_front_of_php_fpm_as_production(production) -> None:
    from tests.harness.server import server_output

    status, body, headers = call(production.base_url, "GET", "/health")
    assert (status, body) == (200, {"status": "ok", "checks": {"database": "ok"}})
    assert headers["Server"] == "nginx", f"[{STACK}] not served by nginx: {dict(headers)}"
    assert "X-Powered-By" not in headers
    status, body, headers = call(production.base_url, "GET", "/index.php/../../.env")
    assert status in (400, 404), f"[{STACK}] {status}"
    status, body, headers = call(production.base_url, "GET", "/no/such/route")
    assert status == 404 and headers["Content-Type"].startswith("application/problem+json")
    output = server_output(production.base_url, tail=20_000) or ""
    assert "docker/serve" in output and "php artisan serve" not in output, output


def test_concurrent_registrations_of_one_email_give_one_201_and_409s(production) -> None:
    from concurrent.futures import ThreadPoolExecutor

    body = {"email": "race@example.com", "password": "password123"}
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda _: call(production.base_url, "POST", "/api/v1/auth/register", body), range(6)))
    statuses = sorted(status for status, _, _ in answers)
    assert statuses == [201] + [409] * 5, f"[{STACK}] concurrent registrations: {statuses} {answers}"


def test_insert_tasks_fills_the_list_the_api_serves(production) -> None:
    token = register_and_login(production.base_url, "bulk@example.com")
    production.insert_tasks("bulk@example.com", 1000)

    status, page, _ = call(production.base_url, "GET", "/api/v1/tasks?status=todo&sort=-createdAt&pageSize=100", token=token)
    assert status == 200, f"[{STACK}] {status} {page}"
    assert page["totalItems"] == 334 and page["totalPages"] == 4  # 1, 4, 7 ... 1000: todo
    created = [item["createdAt"] for item in page["items"]]
    assert created == sorted(created, reverse=True) and len(set(created)) == 100
    assert {item["status"] for item in page["items"]} == {"todo"}
    status, everything, _ = call(production.base_url, "GET", "/api/v1/tasks?sort=dueDate&pageSize=100", token=token)
    assert everything["totalItems"] == 1000
    assert all(item["dueDate"] for item in everything["items"])  # 500 with a due date come first


def test_the_list_query_reads_one_page_through_an_index_at_scale(production) -> None:
    """At 30,000 tasks, MariaDB serves the benchmarked list (`status=todo&sort=-createdAt`) from
    an index in order (no filesort, about one page of rows read); totalItems is one
    primary-key read of task_counts, not a COUNT(*) of tasks."""
    db, database = stack.DATABASES[production.base_url]
    token = register_and_login(production.base_url, "plan@example.com")
    production.insert_tasks("plan@example.com", 30_000)
    status, page, _ = call(production.base_url, "GET", "/api/v1/tasks?status=todo&sort=-createdAt", token=token)
    assert (status, page["totalItems"]) == (200, 10_000), f"[{STACK}] {status} {page and page.get('totalItems')}"
    owner = db.sql(f"SELECT id FROM `{database}`.users WHERE email = 'plan@example.com'").split()[-1]
    # The two queries Eloquent sends for GET /api/v1/tasks?status=todo&sort=-createdAt.
    where = f"`tasks`.`user_id` = {owner} and `tasks`.`user_id` is not null and `status` = 'todo'"
    output = db.sql(
        f"USE `{database}`; ANALYZE TABLE tasks;"
        f"ANALYZE select * from `tasks` where {where} order by `created_at` desc, `id` desc limit 20 offset 0;"
        f"ANALYZE select sum(`total`) as aggregate from `task_counts` where `user_id` = {owner} and `status` = 'todo';"
    )
    lines = output.splitlines()
    header = next(line.split("\t") for line in lines if line.startswith("id\t"))
    page_plan, count_plan = (dict(zip(header, line.split("\t"))) for line in lines if line.startswith("1\t"))
    shown = f"[{STACK}] plans (MariaDB's ANALYZE):\n{output}"
    assert page_plan["key"].startswith("tasks_user_id_") and "filesort" not in page_plan["Extra"], shown
    assert float(page_plan["r_rows"]) <= 100, shown
    assert count_plan["key"] == "PRIMARY" and count_plan["type"] in ("const", "eq_ref", "ref"), shown


@pytest.mark.parametrize("target", ["migrate", "serve"])
def test_production_refuses_to_start_without_an_app_key(harness_copy: Path, mariadb, target: str) -> None:
    """The .env.example placeholder (an empty APP_KEY) stops `make migrate` (the image's first
    step) and `make serve` with one clear line, before anything listens."""
    from tests.harness.ports import free_port

    env = {**os.environ, **stack.env_for(mariadb.url(f"laravel_nokey_{target}")), "APP_ENV": "production",
           "APP_KEY": "", "HOST": "127.0.0.1", "PORT": str(free_port())}
    result = subprocess.run(["make", target], cwd=harness_copy, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"[{STACK}] make {target} ran in production without APP_KEY:\n{output}"
    assert "APP_KEY is not set: refusing to run in production" in output, output


def test_make_serve_is_the_command_the_readme_shows(project: Path) -> None:
    import yaml

    commands_table = yaml.safe_load((TEMPLATES / STACK / "stack.yml").read_text())["commands"]
    recipe = re.search(r"^serve:.*\n\t(.+)$", (project / "Makefile").read_text(), re.MULTILINE).group(1)
    assert re.sub(r"\$\((\w+)\)", r"$\1", recipe) == commands_table["serve"]


def test_the_harness_runs_the_projects_bootstrap_file(project: Path, harness_copy: Path) -> None:
    """Only the Application import of bootstrap/app.php differs under the harness."""
    original = (project / "bootstrap/app.php").read_text()
    patched = (harness_copy / "bootstrap/app.php").read_text()
    assert patched == original.replace(stack.APPLICATION_IMPORT, stack.HARNESS_IMPORT)
    for unchanged in ("public/index.php", "artisan", "routes/api.php", "phpunit.xml"):
        assert (project / unchanged).read_bytes() == (harness_copy / unchanged).read_bytes()


def test_harness_backport_phpunit_attributes(project: Path, harness_copy: Path) -> None:
    """PHPUnit 10's #[DataProvider('name')] becomes PHPUnit 9's `@dataProvider name`; nothing else changes."""
    original = (project / "tests/Feature/TasksTest.php").read_text()
    copied = (harness_copy / "tests/Feature/TasksTest.php").read_text()
    assert "#[DataProvider('invalidListParameters')]" in original
    assert copied == original.replace("#[DataProvider('invalidListParameters')]", "/** @dataProvider invalidListParameters */") \
        .replace("#[DataProvider('blankDescriptions')]", "/** @dataProvider blankDescriptions */")


# The harness's backports (tests/harness/laravel/backports.php and src/Backports/): each runs
# the Laravel 9-11 idiom the project uses on Debian's Laravel 8.83, and is tested here alone.
def run_on_the_harness(code: str) -> str:
    stack.require_toolchain()
    script = f"require {str(stack.HARNESS / 'autoload.php')!r};\n{code}"
    return commands.run(STACK, ["php", "-r", script], cwd=stack.HARNESS).stdout


def test_harness_backport_casts_method() -> None:
    """Laravel 11's `protected function casts(): array` on a model, merged into its casts."""
    output = run_on_the_harness("""
        $model = new class extends Illuminate\\Database\\Eloquent\\Model {
            protected function casts(): array { return ['flag' => 'boolean', 'count' => 'integer']; }
        };
        $model->forceFill(['flag' => 1, 'count' => '7']);
        echo json_encode([$model->flag, $model->count, $model->hasCast('flag', 'boolean')]);
    """)
    assert output == "[true,7,true]", output


def test_harness_backport_typed_resource_to_array() -> None:
    """Laravel 10's `JsonResource::toArray(Request $request)`: a resource may type its parameter."""
    output = run_on_the_harness("""
        $resource = new class(['id' => 7]) extends Illuminate\\Http\\Resources\\Json\\JsonResource {
            public function toArray(Illuminate\\Http\\Request $request): array
            {
                return ['id' => (string) $this->resource['id'], 'path' => $request->path()];
            }
        };
        echo json_encode($resource->resolve(Illuminate\\Http\\Request::create('/tasks')));
    """)
    assert output == '{"id":"7","path":"tasks"}', output


def test_harness_backport_fake_helper() -> None:
    """Laravel 9.29's fake(): one Faker generator per locale, from the container."""
    output = run_on_the_harness("""
        echo get_class(fake()), ' ', fake() === fake() ? 'shared' : 'new', ' ',
             fake('fr_FR') === fake() ? 'same' : 'per-locale';
    """)
    assert output == "Faker\\Generator shared per-locale", output


def test_harness_backport_unique_constraint_violation(mariadb) -> None:
    """Laravel 10.20's UniqueConstraintViolationException for a duplicate key (MySQL error 1062)."""
    url = mariadb.url("laravel_unique")
    output = run_on_the_harness(f"""
        Illuminate\\Database\\Connection::resolverFor('mysql',
            fn ($pdo, $database, $prefix, $config) => new Harness\\MySqlConnection($pdo, $database, $prefix, $config));
        $db = new Illuminate\\Database\\Capsule\\Manager;
        $db->addConnection(['driver' => 'mysql', 'url' => {url!r}, 'database' => 'laravel_unique']);
        $connection = $db->getConnection();
        $connection->statement('create table t (email varchar(20) primary key)');
        $connection->insert('insert into t values (?)', ['a@x']);
        try {{
            $connection->insert('insert into t values (?)', ['a@x']);
            echo 'no exception';
        }} catch (Illuminate\\Database\\UniqueConstraintViolationException $e) {{
            echo get_parent_class($e), ' ', $e->errorInfo[1];
        }}
        try {{
            $connection->insert('insert into missing values (1)');
        }} catch (Illuminate\\Database\\QueryException $e) {{
            echo ' ', $e instanceof Illuminate\\Database\\UniqueConstraintViolationException ? 'wrong' : 'other errors unchanged';
        }}
    """)
    assert output == "Illuminate\\Database\\QueryException 1062 other errors unchanged", output


def test_harness_backport_schedule_facade_and_console_routes(harness_copy: Path) -> None:
    """Laravel 11's Schedule facade in routes/console.php, which bootstrap/app.php's
    `commands:` names: artisan on the harness lists the project's daily `model:prune`."""
    result = commands.run(STACK, ["php", "artisan", "schedule:list"], cwd=harness_copy)
    assert re.search(r"'artisan' model:prune\s*\|\s*0 0 \* \* \*", result.stdout), \
        f"[{STACK}] schedule:list:\n{result.stdout}"


def test_model_prune_deletes_expired_tokens_through_artisan(harness_copy: Path, mariadb) -> None:
    """`php artisan model:prune`, as the scheduler runs it, finds ApiToken (MassPrunable) in
    app/Models and deletes the expired tokens only."""
    url = mariadb.url("laravel_prune")
    stack.migrate(harness_copy, url)
    mariadb.sql(
        "USE laravel_prune;"
        "INSERT INTO users (email, password, created_at, updated_at) VALUES ('p@example.com', 'x', NOW(), NOW());"
        "INSERT INTO api_tokens (user_id, name, token, expires_at, created_at, updated_at) VALUES"
        " (LAST_INSERT_ID(), 'api', REPEAT('a', 64), NOW() - INTERVAL 1 MINUTE, NOW(), NOW()),"
        " (LAST_INSERT_ID(), 'api', REPEAT('b', 64), NOW() + INTERVAL 1 HOUR, NOW(), NOW());"
    )
    commands.run(STACK, ["php", "artisan", "model:prune"], cwd=harness_copy, env=stack.env_for(url))
    left = mariadb.sql("SELECT GROUP_CONCAT(LEFT(token, 1)) FROM laravel_prune.api_tokens").split()
    assert left[-1] == "b", f"[{STACK}] tokens left after model:prune: {left}"


def test_the_templates_do_not_fall_back_to_laravel_8_idioms() -> None:
    """The harness adapts to the template: the shipped code keeps the current idioms."""
    project = TEMPLATES / STACK / "project"
    php = {path.relative_to(project): path.read_text() for path in project.rglob("*.php")}
    dated = {
        "a $casts property (Laravel 11: the casts() method)": r"protected \$casts\b",
        "$this->faker (Laravel 9.29: fake())": r"\$this->faker\b",
        "an untyped toArray($request) (Laravel 10: toArray(Request $request))": r"function toArray\(\$request\)",
        "paginate()'s COUNT(*) of every task": r"->paginate\(",
        "a console kernel's schedule() (Laravel 11: Schedule:: in routes/console.php)": r"function schedule\(",
        # PHPUnit 12 no longer reads doc-comment annotations: such a test would silently not be one.
        "a PHPUnit doc-comment annotation (PHPUnit 10+: attributes)": r"@(dataProvider|test|depends|group)\b",
    }
    found = [f"{name}: {why}" for name, text in php.items() for why, pattern in dated.items() if re.search(pattern, text)]
    assert not found, f"[{STACK}] dated idioms in the template: {found}"


def test_exercise_launcher_gives_an_old_checkout_the_example_env_with_a_fresh_key(project: Path, tmp_path: Path) -> None:
    """A `git worktree` of an earlier commit has no .env (ignored by Git): the launcher's copy
    gets .env.example's settings with a new APP_KEY, so the starter boots like `make setup`'s."""
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "worktree", "add", "-q", "--detach", str(checkout), "HEAD"], cwd=project, check=True)
    try:
        assert not (checkout / ".env").exists()
        stack._with_env_file(checkout)
        env = (checkout / ".env").read_text()
        key = re.search(r"^APP_KEY=base64:(\S+)$", env, re.MULTILINE)
        assert key and len(base64.b64decode(key.group(1), validate=True)) == 32, env
        example = (checkout / ".env.example").read_text()
        assert re.sub(r"^APP_KEY=.*$", "", env, flags=re.MULTILINE) == re.sub(r"^APP_KEY=.*$", "", example, flags=re.MULTILINE)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=project, check=True)
