"""`scaffold doctor`: which tools a stack needs are present, at which versions."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass

from scaffolder.catalogue import Stack, Tool

_VERSION = re.compile(r"(\d+(?:\.\d+)+)")


@dataclass(frozen=True)
class Finding:
    tool: Tool
    found: str | None  # the version found, or None when the tool is missing
    ok: bool


def _version_of(tool: Tool) -> str | None:
    argv = shlex.split(tool.command)
    if shutil.which(argv[0]) is None:
        return None
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.search(result.stdout + result.stderr)
    return match.group(1) if match else "unknown"


def _at_least(found: str, minimum: str) -> bool:
    from packaging.version import InvalidVersion, Version

    try:
        return Version(found) >= Version(minimum)
    except InvalidVersion:
        return True  # a tool that prints no version we can read is given the benefit of the doubt


def findings(stacks: list[Stack]) -> list[Finding]:
    """One finding per distinct tool the given stacks need."""
    seen: dict[str, Tool] = {}
    for stack in stacks:
        for tool in stack.toolchain:
            seen.setdefault(tool.name, tool)
    findings = []
    for tool in seen.values():
        found = _version_of(tool)
        findings.append(Finding(tool, found, found is not None and _at_least(found, tool.min)))
    return findings
