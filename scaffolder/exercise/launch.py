"""How a check gets a server: a throwaway database, and the project's server started on it.

`Launcher` is what the runner needs. scaffold's own launcher (the learner's machine) reads
the stack's `exercise:` data in its stack.yml; scaffolder's CI passes the stack driver's
launcher instead (tests/stacks/<module>.py: `exercise_launcher`), which runs the same
project on this machine's stand-ins (Debian's Rails 6.1 and Laravel 8, FerretDB, H2).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


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
