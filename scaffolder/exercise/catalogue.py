"""The exercises: every folder of `exercises/` with an `exercise.yml`, in their number order.

An exercise's data is its folder (see exercises/README.md); nothing here knows any one
exercise. A stack is supported by an exercise when the exercise has notes for it
(`notes/<stack-id>.md`): notes are what a learner of that stack needs to start, so an
exercise without them is not offered there.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from scaffolder.errors import ScaffoldError, first_line

if TYPE_CHECKING:
    from scaffolder.exercise.checking import Check

FILE = "exercise.yml"


@dataclass(frozen=True)
class Rule:
    """One rule of an exercise's check, as exercise.yml describes it to the learner."""

    name: str
    says: str
    hints: tuple[str, ...]  # shown one at a time by `scaffold exercise hint`
    stack_hints: Mapping[str, str]  # stack id -> a hint for that stack only, shown last

    def hints_for(self, stack: str | None) -> tuple[str, ...]:
        """The hints in the order `hint` shows them: the general ones, then this stack's."""
        extra = self.stack_hints.get(stack) if stack else None
        return (*self.hints, extra) if extra else self.hints


@dataclass(frozen=True)
class Mutant:
    """A known-wrong solution (scaffolder's CI): the check must fail it with `fails`."""

    name: str
    says: str
    fails: str


@dataclass(frozen=True)
class Exercise:
    id: str
    number: int
    skill: str
    title: str
    difficulty: int
    check_version: int
    rules: tuple[Rule, ...]
    fails_on_starter: str | None
    mutants: tuple[Mutant, ...]
    folder: Path

    @property
    def stacks(self) -> tuple[str, ...]:
        """The stacks this exercise is offered in: those it has notes for."""
        return tuple(sorted(p.stem for p in (self.folder / "notes").glob("*.md")))

    def rule(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise ScaffoldError(f"exercise {self.id} has no rule {name!r}")


class _Invalid(Exception):
    """What is wrong in one exercise.yml (reported with the file's path)."""


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"'{key}' must be a non-empty string")
    return value.strip()


def _whole(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise _Invalid(f"'{key}' must be a whole number of at least 1")
    return value


def _rule(index: int, data: Any) -> Rule:
    if not isinstance(data, dict):
        raise _Invalid(f"rules[{index}] must be a mapping with name, says and hint")
    try:
        name, says = _text(data, "name"), _text(data, "says")
    except _Invalid as exc:
        raise _Invalid(f"rules[{index}]: {exc}") from None
    hint = data.get("hint")
    hints = [hint] if isinstance(hint, str) else hint
    if (
        not isinstance(hints, list)
        or not hints
        or not all(isinstance(h, str) and h.strip() for h in hints)
    ):
        raise _Invalid(f"rule {name!r}: 'hint' must be a string or a list of strings")
    stack_hints = data.get("stack_hints") or {}
    if not isinstance(stack_hints, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in stack_hints.items()
    ):
        raise _Invalid(f"rule {name!r}: 'stack_hints' must map stack ids to hint strings")
    return Rule(
        name=name,
        says=says,
        hints=tuple(h.strip() for h in hints),
        stack_hints={k: v.strip() for k, v in stack_hints.items()},
    )


def _mutant(index: int, data: Any, rule_names: set[str]) -> Mutant:
    if not isinstance(data, dict):
        raise _Invalid(f"mutants[{index}] must be a mapping with name, says and fails")
    try:
        mutant = Mutant(
            name=_text(data, "name"), says=_text(data, "says"), fails=_text(data, "fails")
        )
    except _Invalid as exc:
        raise _Invalid(f"mutants[{index}]: {exc}") from None
    if mutant.fails not in rule_names:
        raise _Invalid(f"mutant {mutant.name!r} fails {mutant.fails!r}, which is not a rule")
    return mutant


def _exercise(folder: Path, data: Any) -> Exercise:
    if not isinstance(data, dict):
        raise _Invalid("it must be a mapping (id, number, skill, title, ... rules)")
    exercise_id = _text(data, "id")
    if exercise_id != folder.name:
        raise _Invalid(f"id {exercise_id!r} differs from its folder's name {folder.name!r}")
    difficulty = _whole(data, "difficulty")
    if difficulty > 3:
        raise _Invalid("'difficulty' must be 1, 2 or 3")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _Invalid("'rules' must be a non-empty list")
    rules = tuple(_rule(i, r) for i, r in enumerate(raw_rules))
    names = [r.name for r in rules]
    if duplicated := sorted({n for n in names if names.count(n) > 1}):
        raise _Invalid(f"rule {duplicated[0]!r} is listed twice")
    fails_on_starter = data.get("fails_on_starter")
    if fails_on_starter is not None and fails_on_starter not in names:
        raise _Invalid(f"fails_on_starter {fails_on_starter!r} is not one of its rules")
    raw_mutants = data.get("mutants") or []
    if not isinstance(raw_mutants, list):
        raise _Invalid("'mutants' must be a list")
    return Exercise(
        id=exercise_id,
        number=_whole(data, "number"),
        skill=_text(data, "skill"),
        title=_text(data, "title"),
        difficulty=difficulty,
        check_version=_whole(data, "check_version"),
        rules=rules,
        fails_on_starter=fails_on_starter,
        mutants=tuple(_mutant(i, m, set(names)) for i, m in enumerate(raw_mutants)),
        folder=folder,
    )


def read(folder: Path) -> Exercise:
    """The exercise in `folder`, validated; a broken exercise.yml is an error naming it."""
    import yaml

    path = folder / FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return _exercise(folder, data)
    except OSError as exc:
        raise ScaffoldError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ScaffoldError(f"{path} is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or first_line(exc)
        raise ScaffoldError(f"{path} is not valid YAML: {problem}{where}") from None
    except _Invalid as exc:
        raise ScaffoldError(f"{path}: {exc}") from None


def load(root: Path | None = None) -> list[Exercise]:
    """Every exercise under `root` (default: this installation's), by number."""
    from scaffolder import locations

    root = root or locations.exercises_dir()
    if not root.is_dir():
        raise ScaffoldError(f"no exercises folder at {root}; reinstall scaffolder")
    found = [read(path.parent) for path in sorted(root.glob(f"*/{FILE}"))]
    by_number: dict[int, Exercise] = {}
    for exercise in found:
        if (other := by_number.get(exercise.number)) is not None:
            raise ScaffoldError(
                f"exercises {other.id} and {exercise.id} both have number {exercise.number}"
            )
        by_number[exercise.number] = exercise
    return sorted(found, key=lambda e: e.number)


def find(exercises: list[Exercise], exercise_id: str) -> Exercise:
    """The exercise `exercise_id`, or an error listing the known ids."""
    for exercise in exercises:
        if exercise.id == exercise_id:
            return exercise
    known = ", ".join(e.id for e in exercises) or "none"
    raise ScaffoldError(f"unknown exercise '{exercise_id}'; the exercises are: {known}")


def brief(exercise: Exercise) -> str:
    """brief.md, as written."""
    return _read_text(exercise.folder / "brief.md")


def openapi(exercise: Exercise) -> str:
    """The OpenAPI fragment of the exercise's API additions (empty when it adds none)."""
    path = exercise.folder / "openapi.yaml"
    return _read_text(path) if path.is_file() else ""


def notes(exercise: Exercise, stack: str) -> str:
    """The exercise's notes for `stack`, or an error when the exercise is not offered there."""
    path = exercise.folder / "notes" / f"{stack}.md"
    if not path.is_file():
        offered = ", ".join(exercise.stacks) or "no stack yet"
        raise ScaffoldError(
            f"exercise {exercise.id} is not available for {stack} projects (it has: {offered})"
        )
    return _read_text(path)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScaffoldError(f"cannot read {path}: {exc.strerror}") from None


def load_check(exercise: Exercise) -> Check:
    """The `check` that the exercise's check.py defines, its rules those of exercise.yml.

    check.py is imported by path, with its folder first on the import path so that it can
    import the modules beside it (`import model`). Those sibling modules are imported
    fresh for each exercise and taken out of `sys.modules` again, so that two exercises
    may each have a `model.py`: a check imports its siblings at the top, not inside rules."""
    from scaffolder.exercise.checking import Check

    path = exercise.folder / "check.py"
    if not path.is_file():
        raise ScaffoldError(f"exercise {exercise.id} has no check yet ({path} is missing)")
    siblings = {p.stem for p in exercise.folder.glob("*.py")}
    hidden = {name: sys.modules.pop(name) for name in siblings if name in sys.modules}
    before = set(sys.modules)
    name = f"scaffolder_exercise_check_{exercise.id.replace('-', '_')}"
    sys.path.insert(0, str(exercise.folder))
    try:
        module = _import(name, path)
    finally:
        sys.path.remove(str(exercise.folder))
        for added in set(sys.modules) - before:
            if added in siblings:
                sys.modules.pop(added, None)
        sys.modules.update(hidden)
    check = getattr(module, "check", None)
    if not isinstance(check, Check):
        raise ScaffoldError(f"{path} defines no `check = Check(...)`")
    expected = [r.name for r in exercise.rules]
    if list(check.rules) != expected:
        raise ScaffoldError(
            f"{path} defines the rules {list(check.rules)}, but {exercise.folder / FILE} lists "
            f"{expected} (the same names, in the same order)"
        )
    return check


def _import(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ScaffoldError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    # Registered while it runs, as a normal import is: dataclasses and typing look it up.
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise ScaffoldError(f"{path} failed to load: {type(exc).__name__}: {exc}") from exc
    return module
