"""Run a project's server on a free port for the length of a `with` block.

    with serve("django-postgres", project, env={"DATABASE_URL": url}) as base_url:
        requests.get(f"{base_url}/health")

The command runs in its own process group (a `make` target starts children: the
framework's server, its autoreloader...), so leaving the block, normally or on an
error, kills all of it. Its output goes to a temporary file whose tail a failure shows.
`scaffold exercise check` and scaffolder's own tests (tests/harness/server.py) share it.

`checkout()` makes a temporary `git worktree` of an older commit of the project, with
its dependency folders linked in, for a check that runs that commit's server first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from scaffolder.exercise.checking import CannotRun
from scaffolder.exercise.launch import Progress

OUTPUT_TAIL = 12_000  # characters of the server's output shown on failure
PROGRESS_EVERY = 15.0  # seconds between "still waiting" lines (a Spring start takes a minute)


class ServerFailed(CannotRun):
    """The server did not start, or died while in use; the message ends with its output."""


_LOGS: dict[str, Path] = {}  # base URL -> output file, while that server runs
_PIDS: dict[str, int] = {}  # base URL -> the pid (and process group) of its command

# Loopback: never through a proxy from the environment.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def server_pid(base_url: str) -> int | None:
    """The process group of the server serving `base_url` (None: not one of ours)."""
    return _PIDS.get(base_url.rstrip("/"))


def server_output(base_url: str, tail: int = 4_000) -> str | None:
    """The last characters of the output of the server serving `base_url` (None: not ours)."""
    log = _LOGS.get(base_url.rstrip("/"))
    return _tail(log)[-tail:] if log else None


def _health_status(url: str) -> int | None:
    try:
        with _NO_PROXY.open(url, timeout=2) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (OSError, ValueError):
        return None  # not listening yet


def _tail(log: Path) -> str:
    try:
        return log.read_text(errors="replace")[-OUTPUT_TAIL:]
    except OSError:
        return "(no output captured)"


def _kill_group(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
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


def _quiet(message: str) -> None:
    """The default progress: say nothing."""


@contextlib.contextmanager
def serve(
    label: str,
    project_dir: Path,
    command: Sequence[str] | str = ("make", "migrate", "run"),
    env: Mapping[str, str] | None = None,
    port: int | None = None,
    health_timeout: float = 180.0,
    progress: Progress = _quiet,
) -> Iterator[str]:
    """Start `command` in `project_dir` with HOST/PORT set; yield its base URL once /health
    answers 200. `label` (the stack) starts every failure message."""
    port = port or free_port()
    base_url = f"http://127.0.0.1:{port}"
    full_env = {**os.environ, **(env or {}), "HOST": "127.0.0.1", "PORT": str(port)}
    shell = isinstance(command, str)
    shown = command if isinstance(command, str) else " ".join(command)
    log_fd, log_name = tempfile.mkstemp(prefix=f"scaffolder-{label}-server-", suffix=".log")
    log = Path(log_name)
    progress(f"Starting `{shown}` on {base_url} (in {project_dir})")
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
        started = time.monotonic()
        next_word = started + PROGRESS_EVERY
        status = None
        while True:
            if proc.poll() is not None:
                raise ServerFailed(
                    f"[{label}] `{shown}` exited {proc.returncode} before /health answered 200 "
                    f"(in {project_dir})\n--- server output ---\n{_tail(log)}"
                )
            status = _health_status(f"{base_url}/health")
            if status == 200:
                break
            now = time.monotonic()
            if now - started > health_timeout:
                raise ServerFailed(
                    f"[{label}] `{shown}`: GET {base_url}/health did not answer 200 within "
                    f"{health_timeout:.0f}s (last status: {status}) (in {project_dir})\n"
                    f"--- server output ---\n{_tail(log)}"
                )
            if now >= next_word:
                progress(f"Still waiting for {base_url}/health ({now - started:.0f}s)...")
                next_word = now + PROGRESS_EVERY
            time.sleep(0.3)
        _LOGS[base_url] = log
        _PIDS[base_url] = proc.pid
        yield base_url
        if proc.poll() is not None:
            raise ServerFailed(
                f"[{label}] the server (`{shown}`) died while in use, exit {proc.returncode}\n"
                f"--- server output ---\n{_tail(log)}"
            )
    finally:
        _LOGS.pop(base_url, None)
        _PIDS.pop(base_url, None)
        _kill_group(proc)
        log.unlink(missing_ok=True)


@contextlib.contextmanager
def checkout(
    project: Path,
    commit: str,
    links: Sequence[str] | None = None,
    copies: Sequence[str] = (),
) -> Iterator[Path]:
    """A temporary `git worktree` of `project` at `commit` (a folder of the same name),
    with `links` (the dependency folders and .env that Git does not track) symlinked and
    `copies` copied from the project; removed when the block ends. Without `links`, they
    come from the project's stack (`exercise:` in its stack.yml)."""
    project = Path(project).resolve()
    if links is None:
        links, copies = _stack_links(project)
    parent = Path(tempfile.mkdtemp(prefix="scaffold-checkout-"))
    tree = parent / project.name
    added = _git(project, "worktree", "add", "--detach", str(tree), commit)
    if added.returncode != 0:
        shutil.rmtree(parent, ignore_errors=True)
        raise CannotRun(f"could not check out commit {commit} of {project}: {added.stderr.strip()}")
    try:
        for relative in links:
            source, target = project / relative, tree / relative
            if source.exists() and not target.exists() and not target.is_symlink():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.symlink_to(source, target_is_directory=source.is_dir())
        for relative in copies:
            source, target = project / relative, tree / relative
            if source.is_dir() and not target.exists():
                shutil.copytree(source, target, symlinks=True)
        yield tree
    finally:
        _git(project, "worktree", "remove", "--force", str(tree))
        shutil.rmtree(parent, ignore_errors=True)
        _git(project, "worktree", "prune")


def _git(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(project), *args], capture_output=True, text=True, check=False
    )


def _stack_links(project: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The project's stack's linked and copied paths; only .env if that is not known."""
    from scaffolder import answers
    from scaffolder.exercise.launch import exercise_data, links_of

    try:
        stack = answers.load(project).get("stack")
        if isinstance(stack, str):
            return links_of(exercise_data(stack))
    except (OSError, ValueError, CannotRun):
        pass  # an unknown stack: link the settings file, the one thing every stack has
    return (".env",), ()
