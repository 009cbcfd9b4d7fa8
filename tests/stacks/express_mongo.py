"""express-mongo: generate the project and run its own commands on a MongoDB wire-protocol server.

Learners get Node.js 26 LTS (.nvmrc, Dockerfile) and MongoDB 8 (docker-compose.yml, CI).
This harness runs the project's own Makefile with the `node`/`npm` on PATH (20.19 or
later, the project's "engines"; .ci/provision/node.sh) and the exact packages of its
package-lock.json from the npm registry. No `mongod` can be installed here, so the
server is FerretDB v1.24.0 on SQLite (tests/harness/mongo.py, .ci/provision/mongo.sh):
a real server speaking the MongoDB wire protocol (it reports MongoDB 7.0), reached
over TCP through MONGODB_URI, never an in-process mock.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.harness import commands
from tests.harness.mongo import MongoServer, ferretdb_binary
from tests.harness.scaffold import generate as scaffold_generate
from tests.harness.toolchain import require, unavailable

STACK = "express-mongo"
SETUP_TIMEOUT = 600  # `make setup`: npm ci from the registry
MIN_NODE = (20, 19)  # package.json "engines" (Mongoose 9, ESLint 10, the MongoDB driver 7)


def require_toolchain() -> None:
    """Skip (locally) or fail (in CI) unless node, npm, make, git and FerretDB are there."""
    require("node", "npm", "make", "git", why="see .ci/provision/node.sh")
    version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    found = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    if found < MIN_NODE:
        minimum = ".".join(map(str, MIN_NODE))
        unavailable(f"Node.js {version} is older than {minimum} (.ci/provision/node.sh)")
    if not ferretdb_binary():
        unavailable("FerretDB (the MongoDB wire-protocol server) is not built: "
                    "run .ci/provision/mongo.sh")


def generate(parent: Path, name: str = "my-api") -> Path:
    return scaffold_generate(STACK, parent, name=name)


def project_env(mongodb_uri: str) -> dict[str, str]:
    """The environment of the project's commands: MONGODB_URI wins over the project's .env."""
    return {"MONGODB_URI": mongodb_uri}


def setup(project: Path, mongodb_uri: str) -> dict[str, str]:
    """`make setup migrate` against `mongodb_uri`; returns the environment used."""
    env = project_env(mongodb_uri)
    commands.run(STACK, ["make", "setup"], cwd=project, env=env, timeout=SETUP_TIMEOUT)
    commands.run(STACK, ["make", "migrate"], cwd=project, env=env)
    return env


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """The generated project's `make migrate run` (node src/server.js) on a throwaway FerretDB."""
    from tests.harness.server import serve

    require_toolchain()
    with MongoServer() as mongo:
        project = generate(Path(workdir))
        env = project_env(mongo.uri("express_conformance"))
        commands.run(STACK, ["make", "setup"], cwd=project, env=env, timeout=SETUP_TIMEOUT)
        with serve(STACK, project, env=env) as base_url:
            yield base_url
