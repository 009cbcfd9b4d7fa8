"""laravel-mysql: generate the project and run it on Debian's PHP, Laravel and MariaDB.

What learners get and what this harness runs differ, and only here:

- Learners get Laravel 12 on PHP >= 8.2 with MySQL 8.4, PHPUnit 11 and Pint from
  Packagist (`composer install`). Packagist is unreachable where the scaffolder is
  tested, so CI (.ci/provision/php.sh, .ci/provision/mariadb.sh) installs Debian 12's
  packages instead: PHP 8.2, Laravel 8.83 (php-laravel-framework), PHPUnit 9.6,
  Faker, Mockery, Composer 2.5 and MariaDB 10.11 (MySQL's protocol and SQL dialect).
- The application code (models, controllers, requests, resources, middleware,
  migrations, factories, seeders, routes, config, feature tests) is written to run
  unchanged on Laravel 8.83 and 12, and runs here as generated. Only the Laravel 11+
  entry points differ: `harness_copy()` makes a copy of the project where
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
    TrimStrings leaving passwords alone, the framework's default config and providers.
- The project's own phpunit.xml runs under PHPUnit 9.6 (its PHPUnit 11 `<source>`
  element only earns a schema warning); `php artisan serve` is replaced by
  `php -S` with a router script (what `serve` runs underneath).
- Not run here: `composer install`, Pint (`composer lint`: not packaged by Debian;
  PHP_CodeSniffer's PSR-12, the base of Pint's Laravel preset, stands in), the
  Dockerfile and docker-compose.yml (no Docker engine). `composer validate` checks
  composer.json offline (no composer.lock ships: it needs Packagist to resolve),
  `php -l` every PHP file.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from tests.harness import commands
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.toolchain import require, unavailable

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


def harness_copy(project: Path) -> Path:
    """A copy of `project` (next to it) that boots on Debian's Laravel 8.83; see the module doc."""
    copy = project.with_name(project.name + ".laravel8")
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".git"))

    (copy / "vendor").mkdir()
    (copy / "vendor" / "autoload.php").write_text(
        "<?php\n\n"
        f"require {str(HARNESS / 'autoload.php')!r};\n"
        "laravel_harness_autoload_project(dirname(__DIR__));\n"
    )

    bootstrap = copy / "bootstrap" / "app.php"
    source = bootstrap.read_text()
    assert APPLICATION_IMPORT in source, f"[{STACK}] bootstrap/app.php no longer imports {APPLICATION_IMPORT}"
    bootstrap.write_text(source.replace(APPLICATION_IMPORT, HARNESS_IMPORT, 1))

    shutil.copyfile(HARNESS / "TestCase.php", copy / "tests" / "TestCase.php")
    return copy


def env_for(database_url: str) -> dict[str, str]:
    # The generated .env says APP_ENV=local; DATABASE_URL from the environment wins over it.
    return {"DATABASE_URL": database_url, "LOG_CHANNEL": "stderr"}


def migrate(copy: Path, database_url: str) -> None:
    """The project's `make migrate` (php artisan migrate --force), on the harness copy."""
    commands.run(STACK, ["php", "artisan", "migrate", "--force"], cwd=copy, env=env_for(database_url))


def serve_command() -> str:
    """`php artisan serve` is `php -S` underneath; HOST and PORT come from server.serve()."""
    return f'exec php -S "$HOST:$PORT" -t public {HARNESS / "router.php"}'


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The generated app (migrated) under `php -S`, on a throwaway MariaDB; yields its base URL."""
    from tests.harness.mariadb import MariaDBServer
    from tests.harness.server import serve

    require_toolchain()
    with MariaDBServer() as db:
        project = generate(workdir)
        copy = harness_copy(project)
        url = db.url("laravel_conformance")
        migrate(copy, url)
        with serve(STACK, copy, command=serve_command(), env=env_for(url)) as base_url:
            yield base_url
