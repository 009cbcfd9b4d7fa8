"""Run the real `scaffold` command (a subprocess, as a learner would)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Always the scaffolder of this checkout, whichever copy pip last installed.
REPO = Path(__file__).resolve().parents[2]


def scaffold(*args: str, cwd: Path, env: Mapping[str, str] | None = None,
             timeout: float = 300) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), full_env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "scaffolder", *args], cwd=cwd, text=True,
        capture_output=True, env=full_env, timeout=timeout, stdin=subprocess.DEVNULL,
    )


def generate(stack: str, parent: Path, name: str = "my-api",
             data: Mapping[str, str] | None = None, git: bool = True,
             env: Mapping[str, str] | None = None) -> Path:
    """`scaffold new NAME --stack STACK --defaults` in `parent`; returns the project folder."""
    args = ["new", name, "--stack", stack, "--defaults"]
    for key, value in (data or {}).items():
        args += ["--data", f"{key}={value}"]
    if not git:
        args.append("--no-git")
    result = scaffold(*args, cwd=parent, env=env)
    assert result.returncode == 0, (
        f"[{stack}] scaffold new failed ({result.returncode}):\n{result.stdout}{result.stderr}"
    )
    return parent / name
