"""Run a generated project's server on a free port for the length of a `with` block.

    with serve("django-postgres", project, env={"DATABASE_URL": url}) as base_url:
        requests.get(f"{base_url}/health")

The server start itself is scaffolder's (scaffolder.exercise.server, which
`scaffold exercise check` uses too): its own process group, killed as a whole when
the block ends; its output's tail in the message when it fails. Here a failure is
an AssertionError (`ServerFailed`), as the tests report it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from scaffolder.exercise import server as shared
from scaffolder.exercise.server import server_output, server_pid

__all__ = ["ServerFailed", "serve", "server_output", "server_pid"]


class ServerFailed(AssertionError):
    pass


@contextlib.contextmanager
def serve(
    stack: str,
    project_dir: Path,
    command: Sequence[str] | str = ("make", "migrate", "run"),
    env: Mapping[str, str] | None = None,
    port: int | None = None,
    health_timeout: float = 180.0,
) -> Iterator[str]:
    """Start `command` in `project_dir` with HOST/PORT set; yield its base URL once /health is 200."""
    try:
        with shared.serve(stack, project_dir, command, env, port, health_timeout) as base_url:
            yield base_url
    except shared.ServerFailed as exc:
        raise ServerFailed(str(exc)) from None
