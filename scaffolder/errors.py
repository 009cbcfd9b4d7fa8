"""The one kind of error a user sees: a single line saying what to do, and exit 1."""

from __future__ import annotations


def first_line(exc: BaseException) -> str:
    """A library's exception as the one line a user sees (its name, when it says nothing)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class ScaffoldError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = 1
