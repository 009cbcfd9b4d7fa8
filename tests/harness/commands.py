"""Run a generated project's own commands; a failure names the stack and shows its output."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

OUTPUT_TAIL = 12_000  # characters of the project's output shown on failure


class ProjectCommandFailed(AssertionError):
    pass


def run(
    stack: str,
    command: Sequence[str] | str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 900,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run `command` in a generated project, output captured (stderr merged)."""
    full_env = {**os.environ, **(env or {})}
    shell = isinstance(command, str)
    shown = command if shell else " ".join(command)
    try:
        result = subprocess.run(
            command, cwd=cwd, env=full_env, shell=shell, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        output = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        raise ProjectCommandFailed(
            f"[{stack}] `{shown}` timed out after {timeout:.0f}s in {cwd}\n{output[-OUTPUT_TAIL:]}"
        ) from None
    if check and result.returncode != 0:
        raise ProjectCommandFailed(
            f"[{stack}] `{shown}` exited {result.returncode} in {cwd}\n"
            f"--- output (last {OUTPUT_TAIL} chars) ---\n{result.stdout[-OUTPUT_TAIL:]}"
        )
    return result
