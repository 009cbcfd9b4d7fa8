"""What Copier's update does not merge: a file deleted or renamed on one side only.

Copier replays the learner's changes onto the new template version. Left alone it
deletes a file the new version drops even when the learner had edited it, and drops a
template change to a file the learner deleted or renamed, both without a word. Given
pristine renders of the old and new versions, this module settles those cases the way
`git merge` would, with `git merge-file` and Git-like rename detection, or says so.

`plan()` runs before Copier (it needs the project as the learner left it);
`settle()` runs after.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from scaffolder import gitrepo

# The share of lines two versions of a file must have in common to count as a rename
# (Git's default similarity index is 50%).
RENAME_SIMILARITY = 0.5
# Copier's own labels for the three sides of a conflict, so every marker reads alike.
LABELS = ("before updating", "last update", "after updating")


@dataclass
class Settled:
    conflicts: list[str] = field(default_factory=list)  # files left with conflict markers
    kept: list[str] = field(default_factory=list)  # learner-edited files the new version drops
    notices: list[str] = field(default_factory=list)  # what the learner should know


@dataclass(frozen=True)
class _Move:
    """Content to merge into `target` after the update, from a file gone on one side."""

    source: str  # the file's path in the old version
    target: str  # where it lives now: the learner's new name, or the template's
    learner_renamed: bool


@dataclass
class Plan:
    old: Path  # the old version, rendered with the project's answers
    new: Path  # the new version, likewise
    version: str  # the new version's name, for messages
    restore: dict[str, bytes] = field(default_factory=dict)  # learner's copies to keep
    moves: list[_Move] = field(default_factory=list)
    learner_deleted: list[str] = field(default_factory=list)  # changed by the template


def _files(root: Path) -> dict[str, Path]:
    return {
        p.relative_to(root).as_posix(): p
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None


def _renamed_to(original: Path, candidates: dict[str, Path]) -> str | None:
    """The candidate most similar to `original`, if it is similar enough to be its rename."""
    text = _text(original)
    if text is None:
        return None
    lines = text.splitlines()
    best, best_ratio = None, RENAME_SIMILARITY
    for name, path in sorted(candidates.items()):
        other = _text(path)
        if other is None:
            continue
        matcher = difflib.SequenceMatcher(None, lines, other.splitlines(), autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        if (ratio := matcher.ratio()) >= best_ratio:
            best, best_ratio = name, ratio
    return best


def plan(project: Path, old: Path, new: Path, version: str) -> Plan:
    """Find, before Copier runs, the files it would not merge."""
    old_files, new_files = _files(old), _files(new)
    tracked = set(gitrepo.git("ls-files", "-z", cwd=project).split("\0")) - {""}
    found = Plan(old=old, new=new, version=version)
    # Renamed by the template: the candidates are files only the new version has.
    added_by_template = {n: p for n, p in new_files.items() if n not in old_files}
    # Renamed by the learner: files they track that no version of the template made.
    added_by_learner = {
        n: project / n
        for n in tracked
        if n not in old_files and n not in new_files and (project / n).is_file()
    }
    for name, old_path in old_files.items():
        mine = project / name
        if name not in new_files:
            if name in tracked and mine.is_file() and mine.read_bytes() != old_path.read_bytes():
                found.restore[name] = mine.read_bytes()
                target = _renamed_to(old_path, added_by_template)
                if target is not None and not (project / target).exists():
                    found.moves.append(_Move(name, target, learner_renamed=False))
        elif not mine.exists() and new_files[name].read_bytes() != old_path.read_bytes():
            target = _renamed_to(old_path, added_by_learner)
            if target is not None:
                found.moves.append(_Move(name, target, learner_renamed=True))
            else:
                found.learner_deleted.append(name)
    return found


def _merge(project: Path, target: str, base: Path, theirs: Path) -> bool:
    """3-way merge `theirs` into the file `target`; True when it left conflict markers."""
    # Exit status is the number of conflicts; the markers in the file tell the same.
    gitrepo.git(
        "merge-file",
        "-L",
        LABELS[0],
        "-L",
        LABELS[1],
        "-L",
        LABELS[2],
        "--",
        target,
        str(base),
        str(theirs),
        cwd=project,
        check=False,
    )
    return gitrepo.has_conflict_markers(project / target)


def settle(project: Path, found: Plan) -> Settled:
    """After Copier: keep the learner's work, carry changes across renames, report."""
    done = Settled()
    moved_from = {m.source for m in found.moves if not m.learner_renamed}
    for move in found.moves:
        target = project / move.target
        if move.learner_renamed:
            # The learner's renamed file gets the template's change to the old name.
            conflicted = _merge(
                project, move.target, found.old / move.source, found.new / move.source
            )
            what = f"{found.version} changed {move.source}, which you renamed to {move.target}"
        else:
            # The template's renamed file gets the learner's edits to the old name: their
            # copy is the current side, like every other file Copier merges.
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(found.restore[move.source])
            conflicted = _merge(
                project, move.target, found.old / move.source, found.new / move.target
            )
            what = (
                f"{found.version} renamed {move.source} to {move.target}; your edits moved with it"
            )
        if conflicted:
            done.conflicts.append(move.target)
        else:
            done.notices.append(f"{what} (merged)" if move.learner_renamed else what)
    for name, content in found.restore.items():
        if name in moved_from:
            continue
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        done.kept.append(name)
    for name in found.learner_deleted:
        if (project / name).exists():
            continue  # Copier recreates some files on purpose, e.g. `.env` (_skip_if_exists)
        done.notices.append(f"{found.version} changed {name}, which you deleted; it stays deleted")
    return done
