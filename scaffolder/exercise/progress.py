"""A learner's progress through the exercises, kept in the project itself.

The file is `.scaffold/progress.yml`, in the project's working tree rather than in
scaffolder's own data folder or in `.git`: the learner may commit it like any file, so it
travels with a fresh clone and a pushed portfolio; `scaffold update` leaves it alone (it
is no template file, and Copier only touches those). Per exercise it records the commit
the exercise was started from, the last check's outcome (for `hint`), the last pass
(commit, check version, when) and how many hints of each rule were shown.

`write_readme` fills the "Practice log" between two markers in the project's README, so
the section is ordinary text to Git and to `scaffold update`'s three-way merge.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scaffolder.errors import ScaffoldError

if TYPE_CHECKING:
    from scaffolder.exercise.catalogue import Exercise

FOLDER = ".scaffold"
FILE = f"{FOLDER}/progress.yml"
HEADER = (
    "# Written by `scaffold exercise`: which exercises you started and passed, at which commit.\n"
    "# Commit it to keep your progress in a clone; `scaffold update` leaves it alone.\n"
)
START_MARKER = "<!-- practice-log:start -->"
END_MARKER = "<!-- practice-log:end -->"


def now() -> str:
    """The current time as the file records it: UTC, to the second, ISO 8601."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Mark:
    """Something that happened at a commit: a start, a check, a pass."""

    commit: str
    at: str
    check_version: int | None = None  # of a pass: the check version it passed
    failed_rule: str | None = None  # of a check: the first rule that failed, if any
    exit_code: int | None = None  # of a check: 0 passed, 1 a rule failed, 2 could not run
    dirty: bool | None = None  # of a pass: the tree had uncommitted changes on top of `commit`

    def to_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_data(cls, data: Any) -> Mark | None:
        if not isinstance(data, dict) or not isinstance(data.get("commit"), str):
            return None
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**{"at": "", **known})


@dataclass
class Record:
    """One exercise's progress."""

    started: Mark | None = None
    last_check: Mark | None = None
    passed: Mark | None = None
    hints_shown: dict[str, int] = field(default_factory=dict)  # rule -> hints shown

    def status(self) -> str:
        if self.passed is not None:
            extra = " + uncommitted changes" if self.passed.dirty else ""
            return f"passed at {self.passed.commit[:7]}{extra}"
        if self.started is not None:
            return "started"
        return "not started"

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key in ("started", "last_check", "passed"):
            mark = getattr(self, key)
            if mark is not None:
                data[key] = mark.to_data()
        if self.hints_shown:
            data["hints_shown"] = dict(self.hints_shown)
        return data

    @classmethod
    def from_data(cls, data: Any) -> Record:
        if not isinstance(data, dict):
            return cls()
        hints = data.get("hints_shown")
        return cls(
            started=Mark.from_data(data.get("started")),
            last_check=Mark.from_data(data.get("last_check")),
            passed=Mark.from_data(data.get("passed")),
            hints_shown={
                str(k): v for k, v in (hints or {}).items() if isinstance(v, int) and v >= 0
            }
            if isinstance(hints, dict)
            else {},
        )


@dataclass
class Progress:
    """Every exercise's record, as read from (and written back to) one project."""

    project: Path
    records: dict[str, Record] = field(default_factory=dict)

    def of(self, exercise_id: str) -> Record:
        return self.records.setdefault(exercise_id, Record())

    def get(self, exercise_id: str) -> Record:
        """The record, without adding an empty one to the file."""
        return self.records.get(exercise_id) or Record()


def load(project: Path) -> Progress:
    """The project's progress (empty when it has none yet)."""
    import yaml

    path = project / FILE
    if not path.is_file():
        return Progress(project)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        raise ScaffoldError(
            f"{FILE} is corrupted; restore it from Git history or delete it to start afresh"
        ) from None
    exercises = data.get("exercises") if isinstance(data, dict) else None
    if not isinstance(exercises, dict):
        return Progress(project)
    return Progress(project, {str(k): Record.from_data(v) for k, v in exercises.items()})


def save(progress: Progress) -> None:
    import yaml

    data = {
        "exercises": {
            key: record.to_data() for key, record in progress.records.items() if record.to_data()
        }
    }
    path = progress.project / FILE
    path.parent.mkdir(exist_ok=True)
    text = HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def practice_log(progress: Progress, exercises: list[Exercise]) -> str:
    """The README's "Practice log": a table of the exercises passed (in exercise order)."""
    rows = [
        f"| {e.number}. {e.title} (`{e.id}`) | {e.skill} | `{record.passed.commit[:7]}`"
        f"{' + uncommitted changes' if record.passed.dirty else ''} "
        f"| {record.passed.check_version} | {record.passed.at[:10]} |"
        for e in exercises
        if (record := progress.get(e.id)).passed is not None
    ]
    if not rows:
        return "No exercise passed yet: see `scaffold exercise list`."
    return "\n".join(
        [
            "Exercises passed with `scaffold exercise check` (scaffolder's own checks):",
            "",
            "| Exercise | Skill | Commit | Check version | Passed on |",
            "| --- | --- | --- | --- | --- |",
            *rows,
        ]
    )


def write_readme(project: Path, log: str) -> Path:
    """Put `log` between the practice-log markers of the README, adding a "Practice log"
    section with the markers at its end when it has none. Returns the README's path."""
    readme = project / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    block = f"{START_MARKER}\n{log}\n{END_MARKER}"
    start, end = text.find(START_MARKER), text.find(END_MARKER)
    if start != -1 and end > start:
        text = text[:start] + block + text[end + len(END_MARKER) :]
    elif start != -1 or end != -1:
        raise ScaffoldError(
            f"README.md has only one of the markers {START_MARKER} and {END_MARKER}, or them "
            "in the wrong order; fix them and run again"
        )
    else:
        text = (
            text.rstrip("\n") + "\n\n" if text.strip() else ""
        ) + f"## Practice log\n\n{block}\n"
    readme.write_text(text, encoding="utf-8")
    return readme
