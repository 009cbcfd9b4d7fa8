"""The few Git operations scaffolder needs, run with the `git` command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from scaffolder.errors import ScaffoldError

# Used only when the machine has no Git identity of its own, so the first
# commit always succeeds.
FALLBACK_NAME = "scaffold"
FALLBACK_EMAIL = "scaffold@localhost"


def git(*args: str, cwd: Path, env: dict[str, str] | None = None, check: bool = True) -> str:
    if shutil.which("git") is None:
        raise ScaffoldError(
            "git is not installed; install it (https://git-scm.com) or pass --no-git"
        )
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        text=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=False,  # the exit status is judged below, with git's own message
    )
    if check and result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise ScaffoldError(f"git {args[0]} failed: {message[-1] if message else 'no output'}")
    return result.stdout


def configured(key: str, cwd: Path) -> str | None:
    value = git("config", "--get", key, cwd=cwd, check=False).strip()
    return value or None


def identity_env(cwd: Path, name: str | None = None, email: str | None = None) -> dict[str, str]:
    """Author/committer variables for a machine with no Git identity; empty when it has one."""
    env: dict[str, str] = {}
    if not configured("user.name", cwd):
        env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = name or FALLBACK_NAME
    if not configured("user.email", cwd):
        env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = email or FALLBACK_EMAIL
    return env


def init_with_first_commit(path: Path, message: str, name: str | None, email: str | None) -> None:
    """Make `path` a repository on `main` whose one commit holds every file."""
    git("init", "--quiet", "--initial-branch=main", cwd=path)
    git("add", "--all", cwd=path)
    git(
        "commit",
        "--quiet",
        "--no-verify",
        "--no-gpg-sign",
        "-m",
        message,
        cwd=path,
        env=identity_env(path, name, email),
    )


def remote_tags(url: str) -> list[str]:
    """The tag names of the repository at `url` (a Git URL or a local path), unsorted."""
    if "://" not in url and Path(url).exists():
        # `git ls-remote` misreads some relative paths (copier-org/copier#2589).
        url = Path(url).resolve().as_posix()
    out = git("ls-remote", "--tags", "--refs", "--", url, cwd=Path.cwd())
    return [line.split("\t", 1)[1].removeprefix("refs/tags/") for line in out.splitlines()]


def newest_version(tags: list[str]) -> str | None:
    """The highest PEP 440 release among `tags` (pre-releases aside, as Copier does)."""
    from packaging.version import InvalidVersion, Version

    releases = {}
    for tag in tags:
        try:
            version = Version(tag)
        except InvalidVersion:
            continue
        if not version.is_prerelease:
            releases[tag] = version
    return max(releases, key=releases.__getitem__) if releases else None


def is_repo_root(path: Path) -> bool:
    out = git("rev-parse", "--show-toplevel", cwd=path, check=False).strip()
    return bool(out) and Path(out).resolve() == path.resolve()


def enclosing_repo(path: Path) -> Path | None:
    """The repository that `path` (an existing folder) is inside of, if any."""
    out = git("rev-parse", "--show-toplevel", cwd=path, check=False).strip()
    return Path(out) if out else None


def status(path: Path) -> list[str]:
    """`git status --porcelain` lines: changed and untracked files."""
    return [line for line in git("status", "--porcelain", cwd=path).splitlines() if line]


# Merge markers as Git and Copier write them: at the start of a line, then a space.
_MARKER = re.compile(r"^(<{7}|>{7}) ", re.MULTILINE)


def has_conflict_markers(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        return bool(_MARKER.search(path.read_text(encoding="utf-8")))
    except UnicodeDecodeError:
        return False
