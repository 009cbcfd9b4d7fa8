"""The template store: a local Git repository holding every template version this
machine has used, each tagged with its version.

Why: `copier update` re-renders the template version a project was made from
(`_src_path` + `_commit` in `.copier-answers.yml`) and 3-way-merges it with the
new one. So a project must point at something that still holds its old version
after the learner upgrades scaffolder, and that works offline. The installed
package carries only its own templates; the first time a version is used, it is
committed to the store and tagged (`0.1.0`), so the store accumulates every
version this machine has generated or updated with. A checkout whose templates
were edited without a version change is stored as a local version (`0.1.0+1`).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scaffolder import locations
from scaffolder.errors import ScaffoldError
from scaffolder.gitrepo import git

_IGNORED = ("__pycache__", "*.pyc", ".DS_Store", ".git", "node_modules", ".venv")
_IDENTITY = {
    "GIT_AUTHOR_NAME": "scaffolder",
    "GIT_AUTHOR_EMAIL": "scaffolder@localhost",
    "GIT_COMMITTER_NAME": "scaffolder",
    "GIT_COMMITTER_EMAIL": "scaffolder@localhost",
}


def template_files(templates: Path) -> list[Path]:
    ignore = shutil.ignore_patterns(*_IGNORED)
    found: list[Path] = []
    for folder, dirs, files in os.walk(templates):
        skipped = ignore(folder, dirs + files)
        dirs[:] = sorted(d for d in dirs if d not in skipped)
        found.extend(Path(folder, f) for f in sorted(files) if f not in skipped)
    return found


def digest(templates: Path) -> str:
    """A fingerprint of the templates' paths, contents and executable bits."""
    h = hashlib.sha256()
    for path in template_files(templates):
        h.update(path.relative_to(templates).as_posix().encode())
        h.update(b"x" if os.access(path, os.X_OK) else b"-")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


class TemplateStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._index = root / ".git" / "scaffolder-versions.json"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root.parent / f".{self.root.name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # two `scaffold` runs at once must not interleave
            yield

    def tags(self) -> list[str]:
        if not (self.root / ".git").is_dir():
            return []
        return git("tag", "--list", cwd=self.root).split()

    def ensure(self, templates: Path, version: str) -> str:
        """Make sure the store holds `templates` as a tagged version; return the tag."""
        if not templates.is_dir():
            raise ScaffoldError(f"templates folder {templates} is missing; reinstall scaffolder")
        with self._locked():
            if not (self.root / ".git").is_dir():
                git("init", "--quiet", "--initial-branch=main", cwd=self.root)
            index = json.loads(self._index.read_text()) if self._index.exists() else {}
            fingerprint = digest(templates)
            existing = self.tags()
            if (known := index.get(fingerprint)) in existing:
                return str(known)
            tag = version
            counter = 0
            while tag in existing:  # same version, different files: a development build
                counter += 1
                tag = f"{version}+{counter}"
            self._replace_worktree(templates)
            # --force: a template's own project/.gitignore must not drop template files here.
            git("add", "--all", "--force", cwd=self.root)
            git(
                "commit",
                "--quiet",
                "--allow-empty",
                "--no-verify",
                "--no-gpg-sign",
                "-m",
                f"templates {tag}",
                cwd=self.root,
                env=_IDENTITY,
            )
            git("tag", tag, cwd=self.root, env=_IDENTITY)
            index[fingerprint] = tag
            self._index.write_text(json.dumps(index, indent=1))
            return tag

    def _replace_worktree(self, templates: Path) -> None:
        for child in self.root.iterdir():
            if child.name == ".git":
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        shutil.copytree(
            templates, self.root, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*_IGNORED)
        )


def store_root() -> Path:
    """This machine's store: projects generated from the installed templates point here."""
    return locations.home() / "templates"


def installed() -> tuple[TemplateStore, str]:
    """The store, holding this installation's templates; and the tag they are stored as."""
    store = TemplateStore(store_root())
    return store, store.ensure(locations.templates_dir(), locations.templates_version())
