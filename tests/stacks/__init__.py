"""The stack drivers: one module per stack of `templates/`, named after its id.

A stack is a folder of `templates/` with a `stack.yml` (the catalogue `scaffold list`
reads); its driver is `tests/stacks/<module>.py`, where `<module>` is the id with `-`
turned into `_` (django-postgres -> django_postgres.py). Every stack must have one:
tests/test_every_stack_is_tested.py fails otherwise, and so does the conformance run
of that stack (tests/conformance/plugin.py takes its targets from `stack_ids()`).

What a driver offers is `StackDriver` below. A driver module satisfies it as a module
(PEP 544: a module can implement a protocol), so `driver: StackDriver = django_postgres`
type-checks, and test_every_stack_is_tested.py checks each driver against it.
"""

from __future__ import annotations

import importlib
from contextlib import AbstractContextManager
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import yaml

if TYPE_CHECKING:
    from scaffolder.exercise.launch import Launcher
    from tests.harness.running import Running

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@runtime_checkable
class StackDriver(Protocol):
    """How the tests, the conformance suite and the load benchmark drive one stack."""

    # The stack's id, as in its templates/<id>/stack.yml (and in failure messages).
    STACK: str

    def require_toolchain(self) -> None:
        """Return if this machine can run the stack's projects; otherwise skip the
        test with the reason (locally) or fail it (in CI, SCAFFOLDER_REQUIRE_TOOLCHAINS=1):
        tests.harness.toolchain.require / unavailable."""
        ...

    def generate(self, parent: Path, name: str = "my-api") -> Path:
        """`scaffold new NAME --stack STACK --defaults` in `parent` (render only: no
        network, no database); returns the project folder. A driver may accept more
        keyword arguments (e.g. the Rails series its harness runs)."""
        ...

    def served(self, workdir: Path) -> AbstractContextManager[str]:
        """A generated project (made under `workdir`) serving on a throwaway database for
        the `with` block; yields its base URL. The conformance suite's target: the
        production server's URL once `production` exists (issue 16)."""
        ...

    def production(self, workdir: Path) -> AbstractContextManager[Running]:
        """`make migrate serve`, the project's production server, on a throwaway database
        for the `with` block; yields a tests.harness.running.Running (base URL and a
        bulk insert of tasks, for benchmarks/load.py)."""
        ...

    def exercise_launcher(self, workdir: Path) -> Launcher:
        """What `scaffold exercise check` starts servers with on this machine (the
        exercise proof, tests/test_exercise_proof.py): a throwaway database on this
        machine's stand-in server, and `serve(source, database, env, progress)` running
        `source` (the project, or a git worktree of it at another commit) as the driver
        serves projects, with `env` added."""
        ...

    def project_checks(self, project: Path) -> None:
        """The project's own `make test` and `make lint`, as the stack test runs them
        here; raises AssertionError naming the stack, with the project's output."""
        ...


def module_name(stack_id: str) -> str:
    """django-postgres -> django_postgres: the driver's and the stack test's module name."""
    return stack_id.replace("-", "_")


@cache
def stack_ids() -> tuple[str, ...]:
    """Every stack of templates/, in alphabetical order: the folders with a stack.yml.

    Read the way the catalogue reads them (scaffolder.catalogue.load) but without its
    cache, which would be written under the user's data folder at import time."""
    return tuple(
        sorted(yaml.safe_load(path.read_text())["id"] for path in TEMPLATES.glob("*/stack.yml"))
    )


def driver(stack_id: str) -> ModuleType:
    """The driver module of `stack_id` (ModuleNotFoundError when it has none)."""
    return importlib.import_module(f"{__name__}.{module_name(stack_id)}")
