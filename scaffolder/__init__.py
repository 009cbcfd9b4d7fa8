"""scaffolder: generate working, tested starter back-end projects for learners."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on first use only: importlib.metadata costs ~15 ms at every start-up.
    if name != "__version__":
        raise AttributeError(f"module 'scaffolder' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("backend-scaffolder")  # the distribution name (pyproject.toml)
    except PackageNotFoundError:  # a checkout that was never installed: its pyproject.toml
        found = _checkout_version()
    globals()["__version__"] = found
    return found


def _checkout_version() -> str:
    import re
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        match = re.search(r'^version = "([^"]+)"', pyproject.read_text(), re.MULTILINE)
    except OSError:
        match = None
    return match[1] if match else "0.0.0"
