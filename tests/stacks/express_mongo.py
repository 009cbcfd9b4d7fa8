"""express-mongo: generate the project and run its own commands on a MongoDB wire-protocol server.

Learners get Node.js 26 LTS (.nvmrc, "engines", Dockerfile, CI) and MongoDB 8
(docker-compose.yml, CI). This harness runs the project's own Makefile with Node.js 26
LTS first on PATH: .ci/provision/node.sh installs it from the npm registry (the `node`
package) into NODE_LTS_DIR. Without that folder (a machine that never ran the script)
Debian's `node` is the fallback, locally only: in CI (SCAFFOLDER_REQUIRE_TOOLCHAINS=1)
the LTS is required. Packages are the exact ones of package-lock.json from the npm registry.
No `mongod` can be installed here, so the server is FerretDB v1.24.0 on SQLite
(tests/harness/mongo.py, .ci/provision/mongo.sh): a real server speaking the MongoDB
wire protocol (it reports MongoDB 7.0), reached over TCP through MONGODB_URI, never an
in-process mock.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

from scaffolder.exercise.checking import CannotRun
from scaffolder.exercise.launch import Database, Launcher, Progress
from scaffolder.exercise.server import serve as serve_for_check
from tests.harness import commands, toolchain
from tests.harness.mongo import MongoServer, ferretdb_binary
from tests.harness.running import Running
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.server import serve
from tests.harness.toolchain import require, unavailable

STACK = "express-mongo"
SETUP_TIMEOUT = 600  # `make setup`: npm ci from the registry
INSERT_TIMEOUT = 600  # insert_tasks: 100,000 documents into FerretDB
# The Node.js the project targets ("engines", .nvmrc, Dockerfile): .ci/provision/node.sh
# installs it here, and the project's commands find it first on PATH.
NODE_LTS_MAJOR = 26
NODE_LTS_DIR = Path.home() / ".cache" / "scaffolder-ci" / f"node-{NODE_LTS_MAJOR}"
NODE_LTS_BIN = NODE_LTS_DIR / "node_modules" / ".bin"
MIN_FALLBACK_NODE = (20, 19)  # what the code needs (Mongoose 9, ESLint 10), if not the LTS
INSERT_TASKS_SCRIPT = Path(__file__).resolve().parents[1] / "harness" / "mongo_insert_tasks.js"


def node_lts_installed() -> bool:
    return os.access(NODE_LTS_BIN / "node", os.X_OK)


def node_env() -> dict[str, str]:
    """PATH with Node.js 26 LTS first when provisioned (npm then runs on it too)."""
    if not node_lts_installed():
        return {}
    return {"PATH": f"{NODE_LTS_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def node_version() -> str:
    """`node --version` of the node the project's commands run with, e.g. v26.10.0."""
    path = node_env().get("PATH", os.environ.get("PATH"))
    result = subprocess.run(["node", "--version"], capture_output=True, text=True,
                            env={**os.environ, "PATH": path or ""})
    return result.stdout.strip()


def require_toolchain() -> None:
    """Skip (locally) or fail (in CI) unless node, npm, make, git and FerretDB are there."""
    require("node", "npm", "make", "git", why="see .ci/provision/node.sh")
    version = node_version()
    found = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    if node_lts_installed():
        if found[:1] != (NODE_LTS_MAJOR,):
            unavailable(f"{NODE_LTS_BIN / 'node'} is {version}, not Node.js {NODE_LTS_MAJOR} "
                        "(run .ci/provision/node.sh again)")
    elif toolchain.REQUIRED:
        unavailable(f"Node.js {NODE_LTS_MAJOR} LTS is not installed in {NODE_LTS_DIR} "
                    "(.ci/provision/node.sh); CI does not fall back to the system's node")
    elif found < MIN_FALLBACK_NODE:
        minimum = ".".join(map(str, MIN_FALLBACK_NODE))
        unavailable(f"Node.js {version} is older than {minimum}, and Node.js {NODE_LTS_MAJOR} "
                    f"is not in {NODE_LTS_DIR} (.ci/provision/node.sh)")
    if not ferretdb_binary():
        unavailable("FerretDB (the MongoDB wire-protocol server) is not built: "
                    "run .ci/provision/mongo.sh")


def generate(parent: Path, name: str = "my-api") -> Path:
    return scaffold_generate(STACK, parent, name=name)


def project_env(mongodb_uri: str) -> dict[str, str]:
    """The environment of the project's commands: MONGODB_URI wins over the project's .env."""
    return {"MONGODB_URI": mongodb_uri, **node_env()}


def setup(project: Path, mongodb_uri: str) -> dict[str, str]:
    """`make setup migrate` against `mongodb_uri`; returns the environment used."""
    env = project_env(mongodb_uri)
    commands.run(STACK, ["make", "setup"], cwd=project, env=env, timeout=SETUP_TIMEOUT)
    commands.run(STACK, ["make", "migrate"], cwd=project, env=env)
    return env


def insert_tasks(project: Path, env: dict[str, str], owner_email: str, count: int) -> None:
    """`count` tasks for a registered user, by insertMany through the project's own Mongoose."""
    commands.run(
        STACK,
        ["node", str(INSERT_TASKS_SCRIPT), str(project), env["MONGODB_URI"], owner_email,
         str(count)],
        cwd=project, env=env, timeout=INSERT_TIMEOUT,
    )


@contextlib.contextmanager
def serve_production(project: Path, env: dict[str, str]) -> Iterator[Running]:
    """`make migrate serve` in a project that is set up already."""
    with serve(STACK, project, command=("make", "migrate", "serve"), env=env) as base_url:
        yield Running(stack=STACK, base_url=base_url,
                      insert_tasks=functools.partial(insert_tasks, project, env))


@contextlib.contextmanager
def production(workdir: Path) -> Iterator[Running]:
    """`make migrate serve` (the production server) on a throwaway database."""
    require_toolchain()
    with MongoServer() as mongo:
        project = generate(Path(workdir))
        env = project_env(mongo.uri("express_production"))
        commands.run(STACK, ["make", "setup"], cwd=project, env=env, timeout=SETUP_TIMEOUT)
        with serve_production(project, env) as running:
            yield running


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The conformance suite's target: the production server (`make migrate serve`)."""
    with production(workdir) as running:
        yield running.base_url


# The exercise checks (tests/test_exercise_proof.py) ------------------------------------

# CI has no internet: unless a check points HOLIDAYS_API_URL at its stub, the project's
# holiday lookups (holiday-service) go to a closed local port and fail at once
# (holiday: null), instead of waiting on date.nager.at.
OFFLINE_ENV = {"HOLIDAYS_API_URL": "http://127.0.0.1:9"}


def _prepared(source: Path, env: Mapping[str, str]) -> None:
    """`make setup` where node_modules is missing (a fresh clone, worktree or generated
    project); else only `make .env` (a no-op when it is there)."""
    target = "setup" if not (source / "node_modules").exists() else ".env"
    commands.run(STACK, ["make", target], cwd=source, env=dict(env), timeout=SETUP_TIMEOUT)


class ExerciseLauncher:
    """`scaffold exercise check`'s servers on this machine: each database is a throwaway
    FerretDB (MongoDB wire protocol), each server `make migrate run` on it, with Node.js
    26 LTS first on PATH, exactly as the stack test serves projects."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = Path(workdir)

    @contextlib.contextmanager
    def database(self) -> Iterator[Database]:
        with contextlib.ExitStack() as stack:
            try:
                mongo = stack.enter_context(MongoServer())
            except RuntimeError as exc:  # not built, or it did not start: say which
                raise CannotRun(f"[{STACK}] {exc}") from None
            yield Database(
                label=f"{mongo.description}, database express_check on 127.0.0.1:{mongo.port}",
                env={"MONGODB_URI": mongo.uri("express_check")},
            )

    @contextlib.contextmanager
    def serve(self, source: Path, database: Database, env: Mapping[str, str],
              progress: Progress) -> Iterator[str]:
        full_env = {**OFFLINE_ENV, **project_env(database.env["MONGODB_URI"]), **env}
        try:
            _prepared(Path(source), full_env)
        except commands.ProjectCommandFailed as exc:
            raise CannotRun(str(exc)) from None
        with serve_for_check(STACK, Path(source), command=("make", "migrate", "run"),
                             env=full_env, progress=progress) as base_url:
            yield base_url


def exercise_launcher(workdir: Path) -> Launcher:
    require_toolchain()
    return ExerciseLauncher(workdir)


def project_checks(project: Path) -> None:
    """`make test` and `make lint` of `project` (set up first if it is not), with
    MONGODB_URI at a throwaway FerretDB, as tests/test_stack_express_mongo.py runs them."""
    require_toolchain()
    with MongoServer() as mongo:
        env = {**OFFLINE_ENV, **project_env(mongo.uri("express_project_checks"))}
        _prepared(project, env)
        tested = commands.run(STACK, ["make", "test"], cwd=project, env=env)
        assert re.search(r"^Tests:.* passed", tested.stdout, re.MULTILINE), (
            f"[{STACK}] `make test` printed no Jest summary in {project}\n{tested.stdout[-3000:]}"
        )
        linted = commands.run(STACK, ["make", "lint"], cwd=project, env=env)
        assert "All matched files use Prettier code style!" in linted.stdout, (
            f"[{STACK}] `make lint` in {project}\n{linted.stdout[-3000:]}"
        )
