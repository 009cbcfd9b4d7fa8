"""Regenerate examples/ (one project per stack) and tell how an example differs
from what the templates generate now.

    python -m scripts.examples                   # regenerate every stack's example
    python -m scripts.examples express-mongo     # only these stacks

tests/test_examples.py uses the same functions, so the examples it checks are
rendered exactly as this command writes them.

What makes a rendering repeatable (see examples/README.md):
- this checkout's scaffolder and templates, in a fresh template store of our own
  (SCAFFOLDER_HOME in a temp folder): `_commit` is then always the package version,
  never a local `0.1.0+3` from the developer's own store;
- fixed answers for what would otherwise come from the machine or the calendar
  (author from `git config`, copyright year);
- `_src_path` (the temp store's absolute path) replaced by the Linux default
  location of a learner's store, so no machine path lands in the repository;
- `.env` left out: it holds the secret generated for each project.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from scaffolder import answers

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "templates"
EXAMPLES = REPO / "examples"
COMMAND = "python -m scripts.examples"

PROJECT_NAME = "my-api"  # the name the README's first example uses
# The templates' own defaults, which a learner with no Git identity gets; pinned
# because `scaffold` otherwise takes them from the machine's git config.
ANSWERS = {
    "author_name": "Your Name",
    "author_email": "you@example.com",
    # Pinned so the check does not start failing on New Year's Day.
    "copyright_year": "2026",
}
SRC_PATH = "~/.local/share/scaffolder/templates"  # where `scaffold` keeps it on Linux
# Never part of an example: the project's secret, and what a learner's own
# `make setup` may create inside examples/ (the names copier.yml excludes too).
SKIPPED = frozenset(
    {".env", ".git", "node_modules", ".venv", "vendor", "target", "__pycache__", ".DS_Store"}
)

Snapshot = dict[str, tuple[bytes, bool]]  # relative path -> (content, executable)


def stacks() -> list[str]:
    """Every stack of this checkout: each templates/<id>/stack.yml."""
    return sorted(p.parent.name for p in TEMPLATES.glob("*/stack.yml"))


def render(stack: str, parent: Path) -> Path:
    """`scaffold new my-api --stack STACK --defaults --no-git` with this checkout's
    scaffolder in a fresh template store; returns the project folder, normalised."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCAFFOLDER_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["SCAFFOLDER_TEMPLATES_DIR"] = str(TEMPLATES)
    env["SCAFFOLDER_HOME"] = str(parent / "scaffolder-home")
    args = [
        sys.executable,
        "-m",
        "scaffolder",
        "new",
        PROJECT_NAME,
        "--stack",
        stack,
        "--defaults",
        "--no-git",
    ]
    for key, value in ANSWERS.items():
        args += ["--data", f"{key}={value}"]
    result = subprocess.run(
        args,
        check=False,
        cwd=parent,
        env=env,
        text=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"[{stack}] scaffold new failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    project = parent / PROJECT_NAME
    answers.record_source(project, SRC_PATH)
    return project


def snapshot(folder: Path) -> Snapshot:
    """Files under `folder` (not SKIPPED ones) with content and executable bit:
    what Git keeps of them. Empty folders are not kept by Git, so not compared."""
    found: Snapshot = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in SKIPPED]
        for name in files:
            if name in SKIPPED:
                continue
            path = Path(root, name)
            mode = path.lstat().st_mode
            content = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
            found[path.relative_to(folder).as_posix()] = (content, bool(mode & stat.S_IXUSR))
    return found


def differences(expected: Snapshot, actual: Snapshot) -> list[str]:
    """One line per file that differs, e.g. `changed: README.md`."""
    lines = [f"missing: {p}" for p in sorted(expected.keys() - actual.keys())]
    lines += [f"unexpected: {p}" for p in sorted(actual.keys() - expected.keys())]
    for path in sorted(expected.keys() & actual.keys()):
        (want, want_x), (got, got_x) = expected[path], actual[path]
        if want != got:
            lines.append(f"changed: {path}")
        if want_x != got_x:
            lines.append(f"executable bit {'missing' if want_x else 'unexpected'}: {path}")
    return lines


def write(stack: str) -> Path:
    """Replace examples/<stack> with a fresh rendering."""
    target = EXAMPLES / stack
    with tempfile.TemporaryDirectory(prefix=f"example-{stack}-") as tmp:
        project = render(stack, Path(tmp))
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(
            project,
            target,
            symlinks=True,
            ignore=lambda _folder, names: [n for n in names if n in SKIPPED],
        )
    return target


def git_ignored(paths: list[Path]) -> list[str]:
    """Those of `paths` the repository's ignore rules would keep out of a commit."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        return []
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        check=False,
        cwd=REPO,
        text=True,
        input="\n".join(str(p.relative_to(REPO)) for p in paths),
        capture_output=True,
    )
    return result.stdout.splitlines()


def uncommitted_sources() -> list[str]:
    """`git status` lines for templates/ and scaffolder/ (empty outside a Git checkout)."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        return []
    result = subprocess.run(
        ["git", "status", "--porcelain", "--", "templates", "scaffolder"],
        check=False,
        cwd=REPO,
        text=True,
        capture_output=True,
    )
    return result.stdout.splitlines()


def main(argv: list[str]) -> int:
    known = stacks()
    wanted = argv or known
    if unknown := sorted(set(wanted) - set(known)):
        print(f"unknown stack(s): {', '.join(unknown)}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    if edits := uncommitted_sources():
        # Examples rendered from edits nobody committed would not match CI's rendering.
        print(
            "warning: uncommitted changes in what examples are rendered from:\n  "
            + "\n  ".join(edits),
            file=sys.stderr,
        )
    EXAMPLES.mkdir(exist_ok=True)
    for stack in wanted:
        target = write(stack)
        print(f"wrote {target.relative_to(REPO)} ({len(snapshot(target))} files)")
    # A folder left by a stack that no longer exists would mislead learners.
    for folder in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
        if folder.name not in known:
            print(
                f"warning: {folder.relative_to(REPO)} is not a stack any more; delete it",
                file=sys.stderr,
            )
    files = [EXAMPLES / s / p for s in wanted for p in snapshot(EXAMPLES / s)]
    if ignored := git_ignored(files):
        print(
            "error: Git would not commit these example files (an ignore rule matches):\n  "
            + "\n  ".join(ignored),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
