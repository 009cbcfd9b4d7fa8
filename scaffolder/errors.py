"""The one kind of error a user sees: a single line saying what to do, and exit 1."""

from __future__ import annotations


def first_line(exc: BaseException) -> str:
    """A library's exception as the one line a user sees (its name, when it says nothing)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class ScaffoldError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = 1


class UpdateConflicts(ScaffoldError):
    """An update finished but needs the learner: conflict markers, or kept files to decide on."""

    def __init__(
        self, files: list[str], kept: list[str] = (), version: str = "", notices: list[str] = ()
    ) -> None:
        self.files, self.kept, self.notices = files, list(kept), list(notices)
        parts = []
        if files:
            parts.append(
                f"update left conflicts in {len(files)} file(s): {', '.join(files)}; "
                "resolve the <<<<<<< markers"
            )
        if kept:
            parts.append(
                f"{version or 'the new version'} removes {len(kept)} file(s) you "
                f"changed: {', '.join(kept)}; your copies are kept, delete them "
                "if you no longer need them"
            )
        super().__init__("; ".join(parts) + ", then commit")
