"""The reference solutions and mutants of exercises/, applied to a generated project.

`exercises/<id>/solutions/<stack>/solution.patch` is a `git diff --binary` against the
project `my-api` (`scaffold new my-api --stack <stack> --defaults`) with the solutions of
the exercises numbered before <id> applied and committed in order, as a learner doing
them in order would have it. `.../mutants/<name>.patch` is a known-wrong change against
the project with every solution applied; the exercise's check must fail it with the rule
its exercise.yml names.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"


@dataclass(frozen=True)
class Mutant:
    exercise: str
    name: str
    fails: str  # the rule the check must fail it with
    patch: Path


def exercise_ids() -> list[str]:
    """Every exercise of exercises/, in the order of its `number`."""
    found = []
    for path in EXERCISES.glob("*/exercise.yml"):
        data = yaml.safe_load(path.read_text())
        found.append((data["number"], data["id"]))
    return [exercise_id for _, exercise_id in sorted(found)]


def exercise_data(exercise_id: str) -> dict:
    return yaml.safe_load((EXERCISES / exercise_id / "exercise.yml").read_text())


def solution(exercise_id: str, stack: str) -> Path:
    return EXERCISES / exercise_id / "solutions" / stack / "solution.patch"


def mutants(stack: str) -> list[Mutant]:
    found = []
    for exercise_id in exercise_ids():
        for mutant in exercise_data(exercise_id).get("mutants", []):
            patch = EXERCISES / exercise_id / "solutions" / stack / "mutants" / f"{mutant['name']}.patch"
            found.append(Mutant(exercise_id, mutant["name"], mutant["fails"], patch))
    return found


def git(project: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} in {project} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def apply(project: Path, patch: Path, message: str) -> str:
    """Apply `patch` to the project's index and work tree and commit it; returns the commit."""
    if not patch.is_file():
        raise AssertionError(f"no such patch: {patch.relative_to(EXERCISES.parent)}")
    git(project, "apply", "--index", "--whitespace=nowarn", str(patch))
    return commit(project, message)


def commit(project: Path, message: str) -> str:
    """Commit what is staged; returns the commit."""
    git(project, "-c", "user.name=Scaffolder CI", "-c", "user.email=ci@example.com",
        "commit", "-q", "--no-verify", "-m", message)
    return git(project, "rev-parse", "HEAD").strip()
