"""tests/harness/server.py: serves on a free port, names the stack and shows the output on failure,
and kills the whole process group on exit."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.harness.server import ServerFailed, serve

ROOT = Path(__file__).resolve().parents[1]

# A server that starts a child (like `make run` starting the framework's server) and
# records the child's pid, so the test can check that the child dies with the group.
HEALTHY = """
import os, subprocess, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
open(os.environ["PID_FILE"], "w").write(str(child.pid))
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/health" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()
HTTPServer((os.environ["HOST"], int(os.environ["PORT"])), H).serve_forever()
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead too: its parent just has not reaped it yet.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


def test_serves_on_host_and_port_and_kills_the_process_group(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    with serve(
        "toy",
        tmp_path,
        command=[sys.executable, "-c", HEALTHY],
        env={"PID_FILE": str(pid_file)},
        health_timeout=30,
    ) as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        assert requests.get(f"{base_url}/health", timeout=5).status_code == 200
        child = int(pid_file.read_text())
        assert alive(child)
    deadline = time.monotonic() + 10
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(child), "the server's child survived the end of serve()"


def test_a_server_that_exits_is_an_error_naming_the_stack_with_its_output(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "print('cannot connect to the database'); raise SystemExit(3)"]
    with (
        pytest.raises(ServerFailed) as failure,
        serve("toy-stack", tmp_path, command=command, health_timeout=30),
    ):
        pass
    message = str(failure.value)
    assert message.startswith("[toy-stack]") and "exited 3" in message
    assert "cannot connect to the database" in message


def test_a_server_that_never_gets_healthy_times_out_with_its_output(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-c",
        "import time; print('warming up', flush=True); time.sleep(600)",
    ]
    started = time.monotonic()
    with (
        pytest.raises(ServerFailed) as failure,
        serve("toy-stack", tmp_path, command=command, health_timeout=2),
    ):
        pass
    assert time.monotonic() - started < 30
    assert "[toy-stack]" in str(failure.value) and "did not answer 200 within 2s" in str(
        failure.value
    )
    assert "warming up" in str(failure.value)
