"""spring-oracle: generate the project and run its own commands (Maven wrapper, JDK 25).

Learners get Spring Boot 4.1 on Java 25 (pom.xml, Dockerfile, CI) and Oracle Database 23ai
Free (docker-compose.yml, the CI service container, Testcontainers in `OracleIT` locally).
No Oracle server can run here (no Docker engine, Oracle's downloads are unreachable), so
this harness uses what the generated project offers for that case, and says so:
- `make test` (`./mvnw verify`): the project's own tests on H2 in Oracle compatibility
  mode through the same Flyway migrations; `OracleIT` is skipped (no Docker).
- `production()`: `make migrate serve` (the jar, `prod` profile) with the project's `h2`
  profile: an H2 database file in Oracle mode in the project's target/h2/, opened with
  AUTO_SERVER=TRUE, so `insert_tasks` can write to it through H2's own RunScript tool
  while the server runs. `served()` (the conformance suite) is that production server.
Maven comes from Maven Central through `./mvnw`; the JDK is a Java 25+ one, found through
JAVA_HOME or in /usr/lib/jvm (.ci/provision/java.sh), not necessarily the `java` on PATH.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

from scaffolder.exercise.launch import Database, Launcher, Progress, ProjectLauncher
from tests.harness import commands
from tests.harness.running import Running
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.toolchain import require, unavailable

STACK = "spring-oracle"
SETUP_TIMEOUT = 900  # `make setup`: Maven and every dependency from Maven Central, when not cached
TEST_TIMEOUT = 900  # `make test`: compile, then two Spring contexts on 2 cores
SERVE_TIMEOUT = 600  # `make migrate serve`: a Spring Boot start, then `package` and the jar's start
INSERT_TIMEOUT = 600  # insert_tasks: one INSERT ... SELECT, 100,000 rows
JAVA_RELEASE = 25  # the project's <java.version>
JVM_DIR = Path("/usr/lib/jvm")
# The H2 database of the project's `h2` profile (application-h2.yml), from the project root.
H2_DATABASE = "target/h2/tasks"


def java_major(java: Path | str) -> int | None:
    """The major version of a `java` executable (it prints it on stderr)."""
    try:
        result = subprocess.run([str(java), "-version"], check=False, capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


@functools.cache
def jdk_home() -> Path | None:
    """A JDK of Java 25 or later: JAVA_HOME if it is one, else the newest in /usr/lib/jvm
    (Temurin first), else the one of the `javac` on PATH."""
    candidates: list[Path] = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]))
    if JVM_DIR.is_dir():
        installed = [path for path in JVM_DIR.iterdir() if path.is_dir() and not path.is_symlink()]
        candidates += sorted(installed, key=lambda path: ("temurin" not in path.name, path.name))
    javac = shutil.which("javac")
    if javac:
        candidates.append(Path(javac).resolve().parent.parent)
    for home in candidates:
        if (home / "bin" / "javac").is_file() and (java_major(home / "bin" / "java") or 0) >= JAVA_RELEASE:
            return home
    return None


def require_toolchain() -> None:
    """Skip (locally) or fail (in CI) unless a JDK 25+, make and git are there."""
    require("make", "git", why="see .ci/provision/java.sh")
    if jdk_home() is None:
        unavailable(
            f"spring-oracle targets Java {JAVA_RELEASE}: no JDK {JAVA_RELEASE}+ in JAVA_HOME, "
            f"{JVM_DIR} or on PATH (.ci/provision/java.sh)"
        )


def java_env() -> dict[str, str]:
    """JAVA_HOME (what ./mvnw uses) and PATH (what `make serve`'s `java` uses) on the JDK 25."""
    home = jdk_home()
    assert home is not None, "require_toolchain() first"
    return {"JAVA_HOME": str(home), "PATH": f"{home / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}


def generate(parent: Path, name: str = "my-api", **kwargs) -> Path:
    return scaffold_generate(STACK, parent, name=name, **kwargs)


def h2_env() -> dict[str, str]:
    """The project's `h2` profile (H2 in Oracle mode, in target/h2/), on the JDK 25."""
    return {"SPRING_PROFILES_ACTIVE": "h2", **java_env()}


def setup(project: Path) -> dict[str, str]:
    """`make setup` (the wrapper downloads Maven, then the dependencies); returns the env used."""
    env = h2_env()
    commands.run(STACK, ["make", "setup"], cwd=project, env=env, timeout=SETUP_TIMEOUT)
    return env


def h2_jar(project: Path, env: Mapping[str, str]) -> str:
    """The H2 jar the project depends on, from the local Maven repository (asked of Maven)."""
    listing = project / "target" / "h2.classpath"
    if not listing.is_file():
        commands.run(
            STACK,
            ["./mvnw", "-B", "-ntp", "-q", "dependency:build-classpath", "-Dmdep.includeArtifactIds=h2",
             f"-Dmdep.outputFile={listing}"],
            cwd=project, env=env, timeout=SETUP_TIMEOUT,
        )  # fmt: skip
    return listing.read_text().strip()


def h2_script(project: Path, env: Mapping[str, str], sql: str, timeout: float = INSERT_TIMEOUT) -> str:
    """Run SQL on the project's H2 database through H2's own RunScript; returns its output
    (each statement, then its results as `-->` lines). AUTO_SERVER=TRUE: the running server
    keeps the database open, and this connects to it."""
    script = project / "target" / "harness.sql"
    script.write_text(sql)
    url = f"jdbc:h2:file:{project / H2_DATABASE};MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
    result = commands.run(
        STACK,
        [str(Path(env["JAVA_HOME"]) / "bin" / "java"), "-cp", h2_jar(project, env), "org.h2.tools.RunScript",
         "-url", url, "-user", "app", "-password", "app", "-script", str(script), "-showResults"],
        cwd=project, env=env, timeout=timeout,
    )  # fmt: skip
    return result.stdout


def sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def insert_tasks(project: Path, env: Mapping[str, str], owner_email: str, count: int) -> None:
    """`count` tasks for that registered user, in one INSERT ... SELECT over H2's SYSTEM_RANGE:
    statuses cycle todo/doing/done, createdAt one second apart (older as x grows), a dueDate
    on every other task."""
    email = sql_text(owner_email.strip().lower())
    output = h2_script(project, env, f"""
        SELECT COUNT(*) AS owners FROM users WHERE email = {email};
        INSERT INTO tasks (owner_id, title, description, status, due_date, created_at, updated_at)
        SELECT u.id, 'Task ' || x, NULL,
               CASE MOD(x, 3) WHEN 1 THEN 'todo' WHEN 2 THEN 'doing' ELSE 'done' END,
               CASE WHEN MOD(x, 2) = 0 THEN DATEADD('DAY', MOD(x, 730), DATE '2027-01-01') END,
               DATEADD('SECOND', -x, CURRENT_TIMESTAMP(3)),
               DATEADD('SECOND', -x, CURRENT_TIMESTAMP(3))
        FROM users u CROSS JOIN SYSTEM_RANGE(1, {int(count)})
        WHERE u.email = {email};
    """)  # fmt: skip
    owners = re.search(r"^-->\s+(\d+)\s*$", output, re.MULTILINE)
    assert owners and owners.group(1) == "1", f"[{STACK}] insert_tasks: no user {owner_email}\n{output}"


@contextlib.contextmanager
def production_server(project: Path, env: Mapping[str, str] | None = None) -> Iterator[Running]:
    """`make migrate serve` in a project that `setup()` ran in (h2 profile)."""
    from tests.harness.server import serve

    full_env = {**h2_env(), **(env or {})}
    with serve(STACK, project, command=("make", "migrate", "serve"), env=full_env,
               health_timeout=SERVE_TIMEOUT) as base_url:  # fmt: skip
        yield Running(
            stack=STACK,
            base_url=base_url,
            insert_tasks=functools.partial(insert_tasks, project, full_env),
        )


@contextlib.contextmanager
def production(workdir: Path) -> Iterator[Running]:
    """`make migrate serve` (the production server) on a throwaway database."""
    require_toolchain()
    project = generate(Path(workdir))
    setup(project)
    with production_server(project) as running:
        yield running


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The conformance suite's target: the production server (see production())."""
    with production(workdir) as running:
        yield running.base_url


# Exercises (issue 15) ------------------------------------------------------------------------

# Where a check's server sends holiday-service's upstream calls when the check gives no
# HOLIDAYS_API_URL (the conformance suite): a loopback port nothing listens on, so a server
# run here never calls the real Nager.Date API; holidays are then null, as the exercise allows.
NO_UPSTREAM = "http://127.0.0.1:9"


class _ExerciseLauncher:
    """scaffold's own launcher for this stack (the `exercise:` data of its stack.yml: an H2 file
    database in Oracle mode in a temporary folder, the `h2` profile), with the server run as
    production() runs it: `make migrate serve`, the jar, on the JDK 25."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = Path(workdir)

    def database(self) -> contextlib.AbstractContextManager[Database]:
        require_toolchain()
        return ProjectLauncher(self.workdir, STACK).database()

    @contextlib.contextmanager
    def serve(self, source: Path, database: Database, env: Mapping[str, str],
              progress: Progress) -> Iterator[str]:
        from scaffolder.exercise.server import serve

        full_env = {**h2_env(), "HOLIDAYS_API_URL": NO_UPSTREAM, **database.env, **env}
        if not (Path(source) / ".env").exists():
            # A bare `git worktree` (a mutant's) has no .env, which is git-ignored: the prod
            # profile needs a signing key of its own.
            full_env.setdefault("JWT_SECRET", secrets.token_hex(32))
        with serve(STACK, Path(source), command=("make", "migrate", "serve"), env=full_env,
                   health_timeout=SERVE_TIMEOUT, progress=progress) as base_url:  # fmt: skip
            yield base_url


def exercise_launcher(workdir: Path) -> Launcher:
    """How scaffolder's CI runs exercise checks against a spring-oracle project (on H2)."""
    return _ExerciseLauncher(workdir)


def project_checks(project: Path) -> None:
    """The project's own `make test` (`./mvnw verify`, H2 in Oracle mode) and `make lint`, as
    tests/test_stack_spring_oracle.py runs them; AssertionError naming the stack, with the
    project's output."""
    require_toolchain()
    project = Path(project)
    env = h2_env()
    tests = commands.run(STACK, ["make", "test"], cwd=project, env=env, timeout=TEST_TIMEOUT,
                         check=False)  # fmt: skip
    if tests.returncode != 0 or "BUILD SUCCESS" not in tests.stdout:
        raise AssertionError(f"[{STACK}] `make test` failed in {project}:\n"
                             f"{tests.stdout[-commands.OUTPUT_TAIL:]}")  # fmt: skip
    commands.run(STACK, ["make", "lint"], cwd=project, env=env)
