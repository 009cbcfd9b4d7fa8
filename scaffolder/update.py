"""`scaffold update`: bring a project to a newer template version with Copier's 3-way merge."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from scaffolder import answers as answers_file
from scaffolder import gitrepo
from scaffolder.answers import SOURCE, VERSION
from scaffolder.errors import ScaffoldError, first_line


@dataclass(frozen=True)
class Outcome:
    """What an update did, or would do with `dry_run`."""

    old: str  # the project's template version before
    new: str  # the version it is updated to
    changed: list[str]  # files changed, as `git status --porcelain` names them
    conflicts: list[str] = field(default_factory=list)  # files left with <<<<<<< markers
    kept: list[str] = field(default_factory=list)  # edited by you, dropped by the template
    notices: list[str] = field(default_factory=list)  # what the learner should know
    diff: str = ""  # with `dry_run` only: the whole change, as `git diff` shows it

    @property
    def up_to_date(self) -> bool:
        return self.old == self.new

    @property
    def needs_attention(self) -> bool:
        """The update finished, but the learner must resolve conflicts or decide on kept files."""
        return bool(self.conflicts or self.kept)

    def attention(self) -> str:
        """What the learner must do before committing, in one line ('' when nothing)."""
        parts = []
        if self.conflicts:
            parts.append(
                f"update left conflicts in {len(self.conflicts)} file(s): "
                f"{', '.join(self.conflicts)}; resolve the <<<<<<< markers"
            )
        if self.kept:
            parts.append(
                f"{self.new} removes {len(self.kept)} file(s) you changed: "
                f"{', '.join(self.kept)}; your copies are kept, delete them "
                "if you no longer need them"
            )
        return "; ".join(parts) + ", then commit" if parts else ""


@dataclass(frozen=True)
class TemplateVersions:
    """A project's template version and the newest one it could be updated to."""

    current: str
    newest: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.newest


def updatable_answers(project: Path) -> dict[str, Any]:
    """The project's answers, once it is known safe to update: a clean Git repository."""
    if not project.is_dir():
        raise ScaffoldError(f"{project} is not a folder")
    answers = answers_file.read(project)
    if not gitrepo.is_repo_root(project):
        raise ScaffoldError(f"{project} is not a Git repository; updates need Git to merge safely")
    if gitrepo.status(project):
        raise ScaffoldError(
            "the project has uncommitted or untracked changes; commit or stash them first"
        )
    return answers


def _version(tag: str) -> Any:
    from packaging.version import InvalidVersion, Version

    try:
        return Version(tag)
    except InvalidVersion:
        return None


def target_version(answers: dict[str, Any], requested: str | None) -> str:
    """The version to update to: --to, else the installed one (or the source's newest tag)."""
    from scaffolder import template_store

    src = str(answers[SOURCE])
    available: list[str] | None
    if Path(src) == template_store.store_root():
        store, installed = template_store.installed()
        available = store.tags()
        wanted = requested or installed
    else:
        try:
            tags = gitrepo.remote_tags(src)
        except ScaffoldError:  # not a repository, unreachable, or no git
            raise ScaffoldError(f"cannot read template versions from {src}") from None
        available = None
        # Copier renders HEAD when a repository has no version tag; so do we.
        wanted = requested or gitrepo.newest_version(tags) or "HEAD"
    if available is not None and wanted not in available:
        raise ScaffoldError(
            f"template version {wanted} is not available; known versions: {', '.join(available)}"
        )
    old, new = _version(str(answers[VERSION])), _version(wanted)
    if old is not None and new is not None and new < old:
        raise ScaffoldError(
            f"{wanted} is older than the project's template version {answers[VERSION]}; "
            "downgrades are not supported"
        )
    return wanted


def template_versions(project: Path) -> TemplateVersions:
    """The project's template version and the newest one available."""
    answers = answers_file.read(project)
    return TemplateVersions(str(answers[VERSION]), target_version(answers, None))


def update(project: Path, to: str | None = None, dry_run: bool = False) -> Outcome:
    """Update the project to template version `to` (default: the newest) and say what
    happened, conflicts and kept files included (`Outcome.needs_attention`).

    With `dry_run`, the update runs in a throwaway clone and only its diff is returned.
    """
    answers = updatable_answers(project)
    old = str(answers[VERSION])
    new = target_version(answers, to)
    if new == old:
        return Outcome(old=old, new=new, changed=[])
    src = str(answers[SOURCE])
    if not Path(src).exists() and "://" not in src:
        raise ScaffoldError(f"the template source {src} no longer exists")
    if dry_run:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="scaffold-dry-run-") as scratch:
            clone = Path(scratch) / project.name
            gitrepo.git("clone", "--quiet", "--no-hardlinks", str(project), str(clone), cwd=project)
            outcome = _apply(clone, answers, old, new)
            diff = gitrepo.git("diff", "--no-color", cwd=clone) + _untracked_diff(clone)
            return replace(outcome, diff=diff)
    return _apply(project, answers, old, new)


def _apply(project: Path, answers: dict[str, Any], old: str, new: str) -> Outcome:
    import tempfile

    from scaffolder import reconcile

    with tempfile.TemporaryDirectory(prefix="scaffold-versions-") as scratch:
        # Pristine renders of both versions show what Copier's replay cannot: files
        # deleted or renamed on one side only (see reconcile).
        renders = {}
        for version in (old, new):
            renders[version] = Path(scratch) / version
            _render_version(answers, version, renders[version])
        found = reconcile.plan(project, renders[old], renders[new], new)
        _run_copier(project, new)
        settled = reconcile.settle(project, found)
    changed = [line[3:] for line in gitrepo.status(project)]
    conflicts = sorted(
        {
            *settled.conflicts,
            *(path for path in changed if gitrepo.has_conflict_markers(project / path)),
        }
    )
    return Outcome(
        old=old,
        new=new,
        changed=changed,
        conflicts=conflicts,
        kept=sorted(settled.kept),
        notices=settled.notices,
    )


def _untracked_diff(clone: Path) -> str:
    """New files the update would add, shown as diffs too."""
    files = gitrepo.git("ls-files", "--others", "--exclude-standard", cwd=clone).split()
    return "".join(
        gitrepo.git("diff", "--no-color", "--no-index", "/dev/null", name, cwd=clone, check=False)
        for name in files
    )


def _run_copier(project: Path, ref: str) -> None:
    import copier
    from copier.errors import CopierError

    try:
        copier.run_update(
            str(project),
            vcs_ref=ref,
            defaults=True,
            overwrite=True,
            skip_answered=True,
            conflict="inline",
            quiet=True,
            unsafe=False,
        )
    except CopierError as exc:
        raise ScaffoldError(f"update failed: {first_line(exc)}") from None


def _render_version(answers: dict[str, Any], version: str, dest: Path) -> None:
    """Render template `version` with the project's recorded answers, as `new` did."""
    import copier
    from copier.errors import CopierError

    data = {key: value for key, value in answers.items() if not key.startswith("_")}
    try:
        copier.run_copy(
            str(answers[SOURCE]),
            str(dest),
            data=data,
            vcs_ref=version,
            defaults=True,
            quiet=True,
            unsafe=False,
        )
    except CopierError as exc:
        raise ScaffoldError(
            f"cannot render template version {version}: {first_line(exc)}"
        ) from None
