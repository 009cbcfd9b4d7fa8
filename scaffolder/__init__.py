"""scaffolder: generate working, tested starter back-end projects for learners."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on first use only: importlib.metadata costs ~15 ms at every start-up.
    if name != "__version__":
        raise AttributeError(f"module 'scaffolder' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("scaffolder")
    except PackageNotFoundError:  # running from a checkout that was never installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
