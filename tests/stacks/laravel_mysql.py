"""laravel-mysql: generate the project and run it on Debian's PHP, Laravel and MariaDB.

What learners get and what this harness runs differ, and only here:

- Learners get Laravel 13 on PHP >= 8.3 with MySQL 8.4, PHPUnit 12 and Pint from
  Packagist (`composer install`). Packagist is unreachable where the scaffolder is
  tested, so CI (.ci/provision/php.sh, .ci/provision/mariadb.sh) installs Debian 12's
  packages instead: PHP 8.2, Laravel 8.83 (php-laravel-framework), PHPUnit 9.6,
  Faker, Mockery, Guzzle 7.4 (Laravel's HTTP client), Composer 2.5 and MariaDB 10.11 (MySQL's protocol and SQL dialect).
- The application code (models, controllers, requests, resources, middleware,
  migrations, factories, seeders, routes, config, feature tests) is written for
  Laravel 13 and runs here unchanged: the harness adapts to it, never the reverse.
  `harness_copy()` makes a copy of the project where
  * vendor/autoload.php loads Debian's packages and the project's PSR-4 roots
    (read from its composer.json) -- tests/harness/laravel/autoload.php;
  * bootstrap/app.php is the project's own file with one line changed:
    `use Illuminate\\Foundation\\Application;` imports tests/harness/laravel's
    subclass, which adds Laravel 11+'s configure()/withRouting()/withMiddleware()/
    withExceptions() (recorded, then applied by Laravel-8 kernels), handleRequest()
    (so public/index.php runs as is) and handleCommand() (so artisan runs as is);
  * tests/TestCase.php gains Laravel 8's createApplication();
  * what Laravel 11+ builds in and 8.83 lacks comes from the harness: the CORS
    middleware (same config/cors.php keys), the English validation messages,
    TrimStrings leaving passwords alone, the framework's default config and providers;
  * newer framework features the code uses are backported, each named with the version
    that introduced it and tested alone (tests/harness/laravel/backports.php,
    src/Backports/): a model's casts() method (11), JsonResource::toArray(Request) (10),
    fake() (9.29), UniqueConstraintViolationException (10.20), the Schedule facade
    (11) with routes/console.php loaded from bootstrap/app.php's `commands:` (11, the
    harness's console kernel); PHPUnit 10's #[DataProvider] attributes become PHPUnit 9
    annotations in the copy (harness_copy).
- The project's own phpunit.xml runs under PHPUnit 9.6 (its PHPUnit 10+ `<source>`
  element only earns a schema warning); `php artisan serve` (`make run`, the
  development server) is replaced by `php -S` with a router script (what `serve`
  runs underneath).
- `make serve`, the production server (docker/serve: nginx in front of php-fpm, with
  OPcache), runs as generated on Debian's nginx and php8.2-fpm
  (.ci/provision/php-fpm.sh); the conformance suite goes through it.
- Exercises (scaffolder.exercise): `exercise_launcher` runs each check's server as
  `make migrate serve` on a harness copy of the project (or of a checkout of an older
  commit, given a .env from .env.example), on a throwaway MariaDB database; the reference
  solutions' HTTP client (Laravel's Http facade) runs on Debian's Guzzle, which
  tests/harness/laravel/http-client.php loads. `project_checks` runs the project's PHPUnit
  suite and the lint stand-ins below, as the stack test does.
- Not run here: `composer install`, Pint (`composer lint`: not packaged by Debian;
  PHP_CodeSniffer's PSR-12, the base of Pint's Laravel preset, stands in), the
  Dockerfile and docker-compose.yml (no Docker engine), the scheduler's loop
  (compose's `schedule:work`; the schedule itself and `model:prune` do run).
  `composer validate` checks
  composer.json offline (no composer.lock ships: it needs Packagist to resolve),
  `php -l` every PHP file.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tests.harness import commands
from tests.harness.running import Running
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.toolchain import require, unavailable

if TYPE_CHECKING:
    from scaffolder.exercise.launch import Database, Launcher, Progress

STACK = "laravel-mysql"
HARNESS = Path(__file__).resolve().parents[1] / "harness" / "laravel"
APPLICATION_IMPORT = "use Illuminate\\Foundation\\Application;"
HARNESS_IMPORT = "use Harness\\Application;"


def require_toolchain() -> None:
    """Skip (locally) or fail (in CI) unless Debian's PHP, Laravel, PHPUnit and MariaDB are there."""
    from tests.harness import mariadb

    require("php", "phpunit", why="Debian's php8.2-cli and phpunit (.ci/provision/php.sh)")
    if not Path("/usr/share/php/Illuminate/Foundation/Application.php").is_file():
        unavailable("Debian's php-laravel-framework is not installed (.ci/provision/php.sh)")
    if not mariadb.available():
        unavailable("MariaDB server binaries are not installed (.ci/provision/mariadb.sh)")


def generate(parent: Path, name: str = "my-api") -> Path:
    return scaffold_generate(STACK, parent, name=name)


def harness_copy(project: Path, copy: Path | None = None) -> Path:
    """A copy of `project` (next to it, unless `copy` says where) that boots on Debian's
    Laravel 8.83; see the module doc."""
    copy = copy or project.with_name(project.name + ".laravel8")
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".git"))

    (copy / "vendor").mkdir()
    (copy / "vendor" / "autoload.php").write_text(
        "<?php\n\n"
        f"require {str(HARNESS / 'autoload.php')!r};\n"
        f"require {str(HARNESS / 'http-client.php')!r};\n"
        "laravel_harness_autoload_project(dirname(__DIR__));\n"
    )

    bootstrap = copy / "bootstrap" / "app.php"
    source = bootstrap.read_text()
    assert APPLICATION_IMPORT in source, f"[{STACK}] bootstrap/app.php no longer imports {APPLICATION_IMPORT}"
    bootstrap.write_text(source.replace(APPLICATION_IMPORT, HARNESS_IMPORT, 1))

    shutil.copyfile(HARNESS / "TestCase.php", copy / "tests" / "TestCase.php")
    for test in (copy / "tests").rglob("*Test.php"):
        test.write_text(phpunit9_annotations(test.read_text()))
    return copy


# PHPUnit 10 reads #[Test] and #[DataProvider('name')] attributes; PHPUnit 9.6, the one Debian
# has, reads the same as doc-comment annotations (which PHPUnit 12 no longer does).
PHPUNIT_ATTRIBUTES = [
    (re.compile(r"^(\s*)#\[DataProvider\('(\w+)'\)\]$", re.MULTILINE), r"\1/** @dataProvider \2 */"),
    (re.compile(r"^(\s*)#\[Test\]$", re.MULTILINE), r"\1/** @test */"),
]


def phpunit9_annotations(source: str) -> str:
    """The test file with each PHPUnit 10+ attribute the project uses as a PHPUnit 9 annotation."""
    for attribute, annotation in PHPUNIT_ATTRIBUTES:
        source = attribute.sub(annotation, source)
    assert "#[" not in source, f"[{STACK}] a PHPUnit attribute the harness does not translate:\n{source}"
    return source


def env_for(database_url: str) -> dict[str, str]:
    # The generated .env says APP_ENV=local; DATABASE_URL from the environment wins over it.
    # The conformance suite and the load benchmark log in far more often than a person: the
    # login rate limiter (5 a minute per e-mail and address by default) is opened wide.
    return {"DATABASE_URL": database_url, "LOG_CHANNEL": "stderr", "AUTH_LOGIN_ATTEMPTS_PER_MINUTE": "10000"}


def migrate(copy: Path, database_url: str) -> None:
    """The project's `make migrate` (php artisan migrate --force), on the harness copy."""
    commands.run(STACK, ["php", "artisan", "migrate", "--force"], cwd=copy, env=env_for(database_url))


def serve_command() -> str:
    """`make run`: `php artisan serve` is `php -S` underneath; HOST and PORT come from server.serve()."""
    return f'exec php -S "$HOST:$PORT" -t public {HARNESS / "router.php"}'


def require_production_toolchain() -> None:
    require_toolchain()
    if not any(shutil.which(name, path="/usr/sbin:/usr/local/sbin:" + os.environ.get("PATH", ""))
               for name in ("php-fpm8.2", "php-fpm")):
        unavailable("php-fpm is not installed (.ci/provision/php-fpm.sh)")
    if not shutil.which("nginx", path="/usr/sbin:/usr/local/sbin:" + os.environ.get("PATH", "")):
        unavailable("nginx is not installed (.ci/provision/php-fpm.sh)")


def insert_tasks_sql(database: str, owner_email: str, count: int) -> str:
    """One INSERT ... SELECT over MariaDB's sequence engine (seq_1_to_N): set-based, seconds for 100k.

    Statuses cycle todo/doing/done, every other task has a dueDate, createdAt values are
    distinct (one second apart, continuing after the owner's existing tasks). The app's
    task_counts (its counter cache for totalItems) is recounted for the owner.
    """
    if count < 1:
        return "SELECT 1;"
    email = owner_email.replace("\\", "\\\\").replace("'", "''")
    return f"""
        USE `{database}`;
        SELECT id INTO @owner FROM users WHERE email = LOWER('{email}');
        SELECT COUNT(*) INTO @base FROM tasks WHERE user_id = @owner;
        INSERT INTO tasks (user_id, title, description, status, due_date, created_at, updated_at)
        SELECT @owner,
               CONCAT('Task ', @base + seq),
               IF(seq % 4 = 0, CONCAT('Description of task ', @base + seq), NULL),
               ELT(1 + (@base + seq - 1) % 3, 'todo', 'doing', 'done'),
               IF((@base + seq) % 2 = 0, '2026-01-01' + INTERVAL (@base + seq) % 730 DAY, NULL),
               '2020-01-01 00:00:00' + INTERVAL (@base + seq) SECOND,
               '2020-01-01 00:00:00' + INTERVAL (@base + seq) SECOND
        FROM seq_1_to_{int(count)}
        WHERE @owner IS NOT NULL;
        SELECT ROW_COUNT() INTO @inserted;
        -- The app's counter cache (task_counts, kept by the Task model): recounted for the owner.
        INSERT INTO task_counts (user_id, status, total)
        SELECT user_id, status, COUNT(*) FROM tasks WHERE user_id = @owner GROUP BY user_id, status
        ON DUPLICATE KEY UPDATE total = VALUES(total);
        SELECT @inserted;
    """


# base URL -> (MariaDBServer, database name) of each running production(): the stack test
# reads the list query's plan there.
DATABASES: dict[str, tuple[object, str]] = {}


@contextlib.contextmanager
def production(workdir: Path) -> Iterator[Running]:
    """`make migrate serve` (the production server) on a throwaway database."""
    from tests.harness.mariadb import MariaDBServer
    from tests.harness.server import serve

    require_production_toolchain()
    with MariaDBServer() as db:
        project = generate(workdir)
        copy = harness_copy(project)
        database = "laravel_production"
        url = db.url(database)

        def insert_tasks(owner_email: str, count: int) -> None:
            inserted = db.sql(insert_tasks_sql(database, owner_email, count)).split()
            assert count < 1 or inserted[-1] == str(count), (
                f"[{STACK}] insert_tasks({owner_email!r}, {count}) inserted {inserted[-1:]} rows "
                "(is the user registered?)"
            )

        with serve(STACK, copy, command=["make", "migrate", "serve"], env=env_for(url)) as base_url:
            DATABASES[base_url] = (db, database)
            try:
                yield Running(stack=STACK, base_url=base_url, insert_tasks=insert_tasks)
            finally:
                DATABASES.pop(base_url, None)


@contextlib.contextmanager
def development(workdir: Path) -> Iterator[str]:
    """`make migrate run` (the development server, `php -S` here) on a throwaway MariaDB; its base URL."""
    from tests.harness.mariadb import MariaDBServer
    from tests.harness.server import serve

    require_toolchain()
    with MariaDBServer() as db:
        project = generate(workdir)
        copy = harness_copy(project)
        url = db.url("laravel_development")
        migrate(copy, url)
        with serve(STACK, copy, command=serve_command(), env=env_for(url)) as base_url:
            yield base_url


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The conformance suite's target: the production server (nginx + php-fpm); its base URL."""
    with production(workdir) as running:
        yield running.base_url


# --- Exercises (scaffolder.exercise): the proof runs the checks through this launcher. ---

def _with_env_file(copy: Path) -> None:
    """A checkout of an older commit has no .env (Git ignores it): the example's settings,
    with a fresh APP_KEY, as `make setup` would write them."""
    env_file = copy / ".env"
    if env_file.exists():
        return
    key = "base64:" + base64.b64encode(secrets.token_bytes(32)).decode()
    example = (copy / ".env.example").read_text()
    env_file.write_text(re.sub(r"^APP_KEY=.*$", f"APP_KEY={key}", example, count=1, flags=re.MULTILINE))


class _ExerciseLauncher:
    """Throwaway databases on a throwaway MariaDB, and the project's production server
    (`make migrate serve`: nginx in front of several php-fpm workers) on them, run from a
    harness copy of the source (so Laravel 8.83 runs it, as everywhere in this driver)."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = Path(workdir)

    @contextlib.contextmanager
    def database(self) -> Iterator[Database]:
        from scaffolder.exercise.checking import CannotRun
        from scaffolder.exercise.launch import Database
        from tests.harness import mariadb

        if not mariadb.available():
            raise CannotRun(f"[{STACK}] MariaDB server binaries are not installed (.ci/provision/mariadb.sh)")
        with mariadb.MariaDBServer() as db:
            name = f"my_api_check_{secrets.token_hex(3)}"
            url = db.url(name)
            yield Database(label=f"MariaDB database {name} on 127.0.0.1:{db.port}", env={"DATABASE_URL": url})

    @contextlib.contextmanager
    def serve(self, source: Path, database: Database, env: Mapping[str, str],
              progress: Progress) -> Iterator[str]:
        from scaffolder.exercise.checking import CannotRun
        from tests.harness.server import ServerFailed, serve

        source = Path(source)
        # One copy per start: each server has its own file cache (login throttle, holidays).
        copy = harness_copy(source, self.workdir / f"{source.name}.laravel8-{secrets.token_hex(3)}")
        _with_env_file(copy)
        progress(f"[{STACK}] make migrate serve (nginx + php-fpm) in a Laravel 8 harness copy of {source}")
        # bcrypt at the .env's cost 12 takes up to a second a login on this shared CI machine:
        # five failed logins would not fit login-throttling's 3-second window. The check
        # tests the throttle, not the hashing cost (the project's phpunit.xml also uses 4).
        # env_for opens the starter's per-minute login limiter wide, as for every server of
        # this driver; on a learner's machine that limiter alone answers the sixth login of a
        # minute with 429, so there a starter fails login-throttling at `window-passes`.
        # Unless a check points it at its stub, the holidays upstream (holiday-service) is a
        # closed local port: CI has no internet, and a server never calls the real API.
        full_env = {**env_for(database.env["DATABASE_URL"]), "BCRYPT_ROUNDS": "4",
                    "HOLIDAYS_API_URL": "http://127.0.0.1:9", **database.env, **env}
        try:
            with serve(STACK, copy, command=["make", "migrate", "serve"], env=full_env) as base_url:
                yield base_url
        except ServerFailed as exc:
            raise CannotRun(str(exc)) from None
        finally:
            shutil.rmtree(copy, ignore_errors=True)


def exercise_launcher(workdir: Path) -> Launcher:
    """How scaffolder's CI runs exercise checks against a laravel-mysql project."""
    require_production_toolchain()
    return _ExerciseLauncher(workdir)


def project_checks(project: Path) -> None:
    """The project's own tests (`make test`: PHPUnit on a throwaway MariaDB) and lint, as
    tests/test_stack_laravel_mysql.py runs them here: through the harness copy, with PHPUnit
    9.6; `php -l` on every PHP file and PHP_CodeSniffer's PSR-12 standing in for Pint
    (`make lint`), which Debian does not package. AssertionError with the project's output."""
    from tests.harness.mariadb import MariaDBServer

    require_toolchain()
    require("phpcs", why="Debian's php-codesniffer (.ci/provision/php.sh)")
    project = Path(project)
    copy = harness_copy(project, project.with_name(f"{project.name}.laravel8-checks"))
    try:
        with MariaDBServer() as db:
            result = commands.run(STACK, ["phpunit", "--colors=never"], cwd=copy,
                                  env=env_for(db.url("laravel_project_checks")), check=False)
        if result.returncode != 0 or not re.search(r"^OK \(\d+ tests?", result.stdout, re.MULTILINE):
            raise AssertionError(f"[{STACK}] `make test` (PHPUnit) failed in {project}:\n"
                                 f"{result.stdout[-commands.OUTPUT_TAIL:]}")
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    php_files = [path for path in project.rglob("*.php") if ".git" not in path.parts]
    for path in [*php_files, project / "artisan"]:
        commands.run(STACK, ["php", "-l", str(path)], cwd=project)
    commands.run(STACK, ["phpcs", "--standard=PSR12", "--warning-severity=0", f"--exclude={PSR12_EXCEPT_LARAVEL}",
                         "app", "bootstrap", "config", "database", "routes", "tests", "public"], cwd=project)


# Where Laravel's style (Pint's preset) departs from PSR-12: snake_case test method names,
# 'a'.$b concatenation, and public/index.php both declaring and running code.
PSR12_EXCEPT_LARAVEL = "PSR1.Methods.CamelCapsMethodName,PSR12.Operators.OperatorSpacing,PSR1.Files.SideEffects"
