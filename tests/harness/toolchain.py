"""Skip a stack test when its toolchain is missing — except in CI, where it fails.

`.ci/run` sets SCAFFOLDER_REQUIRE_TOOLCHAINS=1: there every stack test must run.
"""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRED = os.environ.get("SCAFFOLDER_REQUIRE_TOOLCHAINS") == "1"


def require(*tools: str, why: str = "") -> None:
    """Skip (locally) or fail (in CI) unless every tool is on PATH."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    reason = f"needs {', '.join(missing)} on PATH" + (f" ({why})" if why else "")
    if REQUIRED:
        pytest.fail(f"CI requires every stack test to run, but it {reason}", pytrace=False)
    pytest.skip(reason)


def unavailable(reason: str) -> None:
    """A prerequisite other than a PATH tool is missing: skip locally, fail in CI."""
    if REQUIRED:
        pytest.fail(f"CI requires every stack test to run: {reason}", pytrace=False)
    pytest.skip(reason)
