"""The one kind of error a user sees: a single line saying what to do, and exit 1."""

from __future__ import annotations


class ScaffoldError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = 1


class UpdateConflicts(ScaffoldError):
    """An update finished but left conflict markers for the learner to resolve."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        super().__init__(
            f"update left conflicts in {len(files)} file(s): {', '.join(files)}; "
            "resolve the <<<<<<< markers, then commit"
        )
