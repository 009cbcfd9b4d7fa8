"""How a check gets a server: a throwaway database, and the project's server started on it.

`Launcher` is what the runner needs. scaffold's own launcher (the learner's machine),
`ProjectLauncher`, reads the stack's `exercise:` data in its stack.yml; scaffolder's CI
passes the stack driver's launcher instead (tests/stacks/<module>.py:
`exercise_launcher`), which runs the same project on this machine's stand-ins
(Debian's Rails 6.1 and Laravel 8, FerretDB, H2).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from scaffolder.exercise.checking import CannotRun


@dataclass(frozen=True)
class Database:
    """A throwaway database: the environment that points the project's server at it."""

    label: str  # for messages: "PostgreSQL database my_api_check_3f2a on localhost:5432"
    env: Mapping[str, str] = field(default_factory=dict)


# progress(message): a line for the learner while something slow happens (a Spring start).
Progress = Callable[[str], None]


class Launcher(Protocol):
    def database(self) -> AbstractContextManager[Database]:
        """A new, empty database for one check run; dropped afterwards.
        Raises CannotRun (with the reason) when no database server is reachable."""
        ...

    def serve(
        self,
        source: Path,
        database: Database,
        env: Mapping[str, str],
        progress: Progress,
    ) -> AbstractContextManager[str]:
        """`make migrate run` in `source` (the project, or a checkout of an earlier commit of
        it) on `database`, with `env` added, on a free port; yields the base URL once
        /health answers 200. Raises CannotRun with the tail of the server's log when it
        does not start."""
        ...


class ProjectLauncher:
    """scaffold's own launcher on the learner's machine, from the stack's `exercise:` data
    (templates/<stack>/stack.yml): a throwaway database on the learner's database server
    (scaffolder.exercise.databases) and the project's `server` command on a free port."""

    def __init__(
        self,
        project: Path,
        stack: str,
        *,
        database_url: str | None = None,
        data: Mapping[str, Any] | None = None,
        health_timeout: float = 300.0,
    ) -> None:
        self.project = Path(project)
        self.stack = stack
        self.database_url = database_url
        self._data = data
        self.health_timeout = health_timeout

    @property
    def data(self) -> Mapping[str, Any]:
        """The stack's `exercise:` data, read when first needed: a stack without it is
        CannotRun inside the check run (exit 2), not an error of the constructor."""
        if self._data is None:
            self._data = exercise_data(self.stack)
        return self._data

    def database(self) -> AbstractContextManager[Database]:
        from scaffolder.exercise import databases

        spec = self.data.get("database")
        if not isinstance(spec, Mapping):
            raise CannotRun(f"the {self.stack} stack says nothing about its database")
        return databases.throwaway(spec, self.project, database_url=self.database_url)

    def serve(
        self,
        source: Path,
        database: Database,
        env: Mapping[str, str],
        progress: Progress,
    ) -> AbstractContextManager[str]:
        from scaffolder.exercise.server import serve

        command = str(self.data.get("server") or "make migrate run")
        return serve(
            self.stack,
            source,
            command=command.split(),
            env={**database.env, **env},
            health_timeout=self.health_timeout,
            progress=progress,
        )

    def checkout(self, commit: str) -> AbstractContextManager[Path]:
        """The project at `commit`, with this stack's dependency folders linked in."""
        from scaffolder.exercise.server import checkout

        linked, copied = links_of(self.data)
        return checkout(self.project, commit, links=linked, copies=copied)


def exercise_data(stack: str) -> Mapping[str, Any]:
    """The `exercise:` data of an installed stack's stack.yml (CannotRun when it has none)."""
    from scaffolder import catalogue
    from scaffolder.errors import ScaffoldError

    try:
        found = catalogue.find(catalogue.installed(), stack).raw.get("exercise")
    except ScaffoldError as exc:
        raise CannotRun(str(exc)) from None
    if not isinstance(found, Mapping):
        raise CannotRun(f"the {stack} stack has no `exercise:` data: it cannot run checks")
    return found


def links_of(data: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a checkout of an older commit takes from the project: (linked, copied).

    Linked: the stack's dependency folders and its local, git-ignored settings files.
    Copied: the folders that must not be links (Composer's autoloader finds the app's
    classes from its own real location, so a linked vendor/ would load the newer code)."""
    linked = [*(data.get("dependency_dirs") or []), *(data.get("local_files") or [])]
    copied = data.get("copied_dirs") or []
    return tuple(map(str, linked)), tuple(map(str, copied))
