"""Run a generated project's server on a free port for the length of a `with` block.

    with serve("django-postgres", project, env={"DATABASE_URL": url}) as base_url:
        requests.get(f"{base_url}/health")

The command runs in its own process group (a `make` target starts children: the
framework's server, its autoreloader...), so leaving the block, normally or on an
error, kills all of it. Its output goes to a temp file that a failure shows.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from .ports import free_port

OUTPUT_TAIL = 12_000  # characters of the server's output shown on failure


class ServerFailed(AssertionError):
    pass


_LOGS: dict[str, Path] = {}  # base URL -> output file, while that server runs
_PIDS: dict[str, int] = {}  # base URL -> the pid (and process group) of its command


def server_pid(base_url: str) -> int | None:
    """The process group of the server serving `base_url` (the load benchmark reads its RSS)."""
    return _PIDS.get(base_url.rstrip("/"))


def server_output(base_url: str, tail: int = 4_000) -> str | None:
    """The last characters of the output of the server serving `base_url` (None: not ours)."""
    log = _LOGS.get(base_url.rstrip("/"))
    return _tail(log)[-tail:] if log else None


_NO_PROXY = urllib.request.build_opener(
    urllib.request.ProxyHandler({})
)  # loopback: never via a proxy


def _health_status(url: str) -> int | None:
    try:
        with _NO_PROXY.open(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (OSError, ValueError):
        return None  # not listening yet


def _tail(log: Path) -> str:
    try:
        return log.read_text(errors="replace")[-OUTPUT_TAIL:]
    except OSError:
        return "(no output captured)"


def _kill_group(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM the whole group, then SIGKILL what is left of it."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return  # the group is gone
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        # The leader exited; children of the group may still be alive.
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)


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
    port = port or free_port()
    base_url = f"http://127.0.0.1:{port}"
    full_env = {**os.environ, **(env or {}), "HOST": "127.0.0.1", "PORT": str(port)}
    shell = isinstance(command, str)
    shown = command if shell else " ".join(command)
    log_fd, log_name = tempfile.mkstemp(prefix=f"scaffolder-{stack}-server-", suffix=".log")
    log = Path(log_name)
    with os.fdopen(log_fd, "wb") as log_file:
        proc = subprocess.Popen(
            command,
            cwd=project_dir,
            env=full_env,
            shell=shell,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as a whole
        )
    try:
        deadline = time.monotonic() + health_timeout
        status = None
        while True:
            if proc.poll() is not None:
                raise ServerFailed(
                    f"[{stack}] `{shown}` exited {proc.returncode} before /health answered 200 "
                    f"(in {project_dir})\n--- server output ---\n{_tail(log)}"
                )
            status = _health_status(f"{base_url}/health")
            if status == 200:
                break
            if time.monotonic() > deadline:
                raise ServerFailed(
                    f"[{stack}] `{shown}`: GET {base_url}/health did not answer 200 within "
                    f"{health_timeout:.0f}s (last status: {status}) (in {project_dir})\n"
                    f"--- server output ---\n{_tail(log)}"
                )
            time.sleep(0.3)
        _LOGS[base_url] = log
        _PIDS[base_url] = proc.pid
        yield base_url
        if proc.poll() is not None:
            raise ServerFailed(
                f"[{stack}] the server (`{shown}`) died while in use, exit {proc.returncode}\n"
                f"--- server output ---\n{_tail(log)}"
            )
    finally:
        _LOGS.pop(base_url, None)
        _PIDS.pop(base_url, None)
        _kill_group(proc)
        log.unlink(missing_ok=True)
