"""spring-oracle: generate the project and run its own commands (Maven wrapper, JDK 17+).

Learners get Spring Boot 4.1 on Java 25 (Dockerfile, CI) and Oracle Database 23ai Free
(docker-compose.yml, CI service container, Testcontainers in `OracleIT`). No Oracle
server can run here (no Docker engine, Oracle's downloads are unreachable), so this
harness uses what the generated project offers for that case, and says so:
- `make test` (`./mvnw verify`): the project's own tests on H2 in Oracle compatibility
  mode through the same Flyway migrations; `OracleIT` is skipped (no Docker).
- `served()`: `make migrate run` with the project's `h2` profile (an H2 database file
  in the project's target/ folder, in Oracle mode), so the conformance suite talks to
  the real Spring Boot server process over HTTP.
Maven itself comes from Maven Central through `./mvnw`; the JDK is the one on PATH
(.ci/provision/java.sh).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.harness import commands
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.toolchain import require, unavailable

STACK = "spring-oracle"
SETUP_TIMEOUT = 900  # `make setup`: Maven and every dependency from Maven Central, when not cached
TEST_TIMEOUT = 900  # `make test`: compile, then two Spring contexts on 2 cores
MIN_JAVA = 17  # Spring Boot 4's baseline, the project's <java.version>


def java_major() -> int | None:
    """The major version of the `java` on PATH (it prints it on stderr)."""
    java = shutil.which("java")
    if not java:
        return None
    result = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def require_toolchain() -> None:
    """Skip (locally) or fail (in CI) unless a JDK >= 17, make and git are there."""
    require("java", "javac", "make", "git", why="see .ci/provision/java.sh")
    major = java_major()
    if major is None or major < MIN_JAVA:
        unavailable(f"spring-oracle needs JDK {MIN_JAVA}+ on PATH, found {major} (.ci/provision/java.sh)")


def generate(parent: Path, name: str = "my-api", **kwargs) -> Path:
    return scaffold_generate(STACK, parent, name=name, **kwargs)


def h2_env() -> dict[str, str]:
    """The project's `h2` profile: its database is H2 in Oracle mode, in target/h2/."""
    return {"SPRING_PROFILES_ACTIVE": "h2"}


def setup(project: Path) -> dict[str, str]:
    """`make setup` (the wrapper downloads Maven, then the dependencies); returns the env used."""
    env = h2_env()
    commands.run(STACK, ["make", "setup"], cwd=project, env=env, timeout=SETUP_TIMEOUT)
    return env


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The generated project's `make migrate run` (spring-boot:run) on its H2 (Oracle mode) profile."""
    from tests.harness.server import serve

    require_toolchain()
    project = generate(Path(workdir))
    env = setup(project)
    # spring-boot:run compiles first: a cold Maven on 2 busy cores needs more than the default.
    with serve(STACK, project, env=env, health_timeout=420) as base_url:
        yield base_url
