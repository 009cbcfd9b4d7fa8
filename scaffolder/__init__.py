"""scaffolder: generate working, tested starter back-end projects for learners."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("scaffolder")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"
