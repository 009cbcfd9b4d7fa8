"""Template releases for update tests: a copy of templates/ that a test edits and
"releases" as a new version, and the `scaffold` command run against it offline.

`scaffold` stores each version it sees in its template store (SCAFFOLDER_HOME), so a
project generated at version N can be updated to N+1 without a network.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.harness.scaffold import scaffold

REPO_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_TEMPLATE_SUFFIX = ".jinja"
_JINJA_SEGMENT = re.compile(r"\{\{.*?\}\}")


class Release:
    """A copy of the templates that a test can edit and 'release' as a new version."""

    def __init__(self, root: Path) -> None:
        self.templates = root / "templates"
        self.home = root / "scaffolder-home"
        shutil.copytree(REPO_TEMPLATES, self.templates,
                        ignore=shutil.ignore_patterns("__pycache__", "node_modules", ".venv"))
        self.version = "1.0.0"

    def env(self) -> dict[str, str]:
        return {"SCAFFOLDER_TEMPLATES_DIR": str(self.templates),
                "SCAFFOLDER_TEMPLATES_VERSION": self.version, "SCAFFOLDER_HOME": str(self.home)}

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace the first `old` with `new` in the template file `relative`."""
        path = self.templates / relative
        text = path.read_text()
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1))

    def template_of(self, stack: str, generated: str) -> str:
        """The template file (relative to the templates folder) that renders `generated`.

        Matches path segments written as Jinja (`{{ java_package_dir }}`) against any
        folders, and drops the `.jinja` suffix: `src/test/java/com/example/myapi/X.java`
        is `spring-oracle/project/src/test/java/{{ java_package_dir }}/X.java.jinja`.
        """
        base = self.templates / stack / "project"
        found: dict[str, int] = {}
        for path in base.rglob("*"):
            if not path.is_file():
                continue
            name = path.relative_to(base).as_posix().removesuffix(_TEMPLATE_SUFFIX)
            parts = _JINJA_SEGMENT.split(name)
            if re.fullmatch(".+".join(re.escape(part) for part in parts), generated):
                found[path.relative_to(self.templates).as_posix()] = len("".join(parts))
        # The most specific match wins: `{{_copier_conf.answers_file}}` matches any name.
        best = [name for name, spelled in found.items() if spelled == max(found.values())]
        assert len(best) == 1, f"[{stack}] templates rendering {generated}: {sorted(found)}"
        return best[0]

    def run(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return scaffold(*args, cwd=cwd, env=self.env())

    def generate(self, stack: str, parent: Path, name: str = "my-api") -> Path:
        """`scaffold new NAME --stack STACK --defaults` at the current version."""
        result = self.run("new", name, "--stack", stack, "--defaults", cwd=parent)
        assert result.returncode == 0, f"[{stack}] scaffold new failed:\n{result.stderr}"
        return parent / name


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, text=True, capture_output=True,
                          check=True).stdout


def commit_as_learner(project: Path, message: str) -> None:
    """Commit everything in the project, as the learner would before updating."""
    git(project, "add", "--all")
    git(project, "-c", "user.name=Learner", "-c", "user.email=learner@example.com",
        "commit", "-q", "-m", message)


def has_conflict_markers(text: str) -> bool:
    lines = text.splitlines()
    return any(line.startswith("<<<<<<< ") for line in lines) and ">>>>>>>" in text
