"""The exercise catalogue (scaffolder/exercise/catalogue.py): every exercise.yml is valid,
a broken one is an error naming its file, and check.py loads by path with its siblings."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from scaffolder.errors import ScaffoldError
from scaffolder.exercise import brief, catalogue

REPO = Path(__file__).resolve().parent.parent
EXERCISES = REPO / "exercises"
STACKS = sorted(p.parent.name for p in (REPO / "templates").glob("*/stack.yml"))


def test_every_exercise_folder_loads_in_number_order() -> None:
    found = catalogue.load(EXERCISES)
    assert [e.id for e in found] == sorted(
        (p.parent.name for p in EXERCISES.glob("*/exercise.yml")),
        key=lambda i: next(e.number for e in found if e.id == i))
    assert [e.number for e in found] == sorted(e.number for e in found)
    for exercise in found:
        assert set(exercise.stacks) <= set(STACKS), f"{exercise.id}: notes for unknown stacks"
        assert (exercise.folder / "brief.md").is_file(), exercise.id


@pytest.mark.parametrize("exercise", catalogue.load(EXERCISES), ids=lambda e: e.id)
def test_every_exercise_shows_for_each_of_its_stacks(exercise: catalogue.Exercise) -> None:
    for stack in exercise.stacks:
        text = brief.render(exercise, stack)
        checked = text.index("## How this is checked")
        for number, rule in enumerate(exercise.rules, 1):
            assert text.index(f"{number}. `{rule.name}`") > checked


def test_an_exercise_is_not_shown_for_a_stack_it_has_no_notes_for() -> None:
    exercise = catalogue.load(EXERCISES)[0]
    with pytest.raises(ScaffoldError, match="not available for cobol-db2 projects"):
        brief.render(exercise, "cobol-db2")


# --- validation ---------------------------------------------------------------------------

VALID: dict[str, Any] = {
    "id": "toy", "number": 7, "skill": "testing", "title": "A toy", "difficulty": 1,
    "check_version": 1, "fails_on_starter": "one",
    "rules": [{"name": "one", "says": "first", "hint": "h1"},
              {"name": "two", "says": "second", "hint": ["h2", "h3"],
               "stack_hints": {"django-postgres": "dj"}}],
    "mutants": [{"name": "wrong", "says": "a wrong one", "fails": "two"}],
}


def toy(root: Path, data: Any, check: str | None = None) -> Path:
    folder = root / "toy"
    (folder / "notes").mkdir(parents=True, exist_ok=True)
    (folder / "exercise.yml").write_text(data if isinstance(data, str)
                                         else yaml.safe_dump(data, sort_keys=False))
    (folder / "notes" / "django-postgres.md").write_text("- notes\n")
    if check is not None:
        (folder / "check.py").write_text(check)
    return folder


def test_a_valid_exercise_reads_as_written(tmp_path: Path) -> None:
    [exercise] = catalogue.load(toy(tmp_path, VALID).parent)
    assert exercise.id == "toy" and exercise.number == 7 and exercise.stacks == ("django-postgres",)
    assert exercise.rule("one").hints == ("h1",)
    assert exercise.rule("two").hints_for("django-postgres") == ("h2", "h3", "dj")
    assert exercise.rule("two").hints_for("express-mongo") == ("h2", "h3")
    assert exercise.mutants[0].fails == "two" and exercise.fails_on_starter == "one"


def changed(**changes: Any) -> dict[str, Any]:
    data = yaml.safe_load(yaml.safe_dump(VALID))
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    return data


BROKEN = [
    ("not YAML", "id: [unclosed", "not valid YAML"),
    ("a list", "- id: toy", "must be a mapping"),
    ("no id", changed(id=None), "'id'"),
    ("id not the folder", changed(id="other"), "differs from its folder"),
    ("number not a number", changed(number="seven"), "'number'"),
    ("difficulty 4", changed(difficulty=4), "'difficulty' must be 1, 2 or 3"),
    ("no rules", changed(rules=[]), "'rules' must be a non-empty list"),
    ("a rule without hint", changed(rules=[{"name": "one", "says": "x"}]), "'hint'"),
    ("a rule twice", changed(rules=[VALID["rules"][0], VALID["rules"][0]]), "listed twice"),
    ("fails_on_starter unknown", changed(fails_on_starter="three"), "fails_on_starter 'three'"),
    ("mutant fails unknown", changed(mutants=[{"name": "m", "says": "s", "fails": "zz"}]),
     "mutant 'm' fails 'zz'"),
    ("stack_hints not a mapping", changed(rules=[{**VALID["rules"][0], "stack_hints": ["x"]}]),
     "'stack_hints'"),
]


@pytest.mark.parametrize("data, phrase", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_broken_exercise_yml_is_one_error_naming_the_file(tmp_path: Path, data: Any,
                                                            phrase: str) -> None:
    folder = toy(tmp_path, data)
    with pytest.raises(ScaffoldError) as caught:
        catalogue.load(tmp_path)
    message = str(caught.value)
    assert str(folder / "exercise.yml") in message and phrase in message
    assert "\n" not in message


def test_two_exercises_with_one_number_are_refused(tmp_path: Path) -> None:
    toy(tmp_path, VALID)
    other = tmp_path / "other"
    shutil.copytree(tmp_path / "toy", other)
    (other / "exercise.yml").write_text(yaml.safe_dump({**VALID, "id": "other"}))
    with pytest.raises(ScaffoldError, match="both have number 7"):
        catalogue.load(tmp_path)


def test_an_unknown_id_names_the_known_ones(tmp_path: Path) -> None:
    toy(tmp_path, VALID)
    with pytest.raises(ScaffoldError, match="unknown exercise 'nope'; the exercises are: toy"):
        catalogue.find(catalogue.load(tmp_path), "nope")


# --- check.py -----------------------------------------------------------------------------

CHECK = """
from scaffolder.exercise.checking import Check
import model

check = Check()
NAME = model.NAME

@check.rule("one")
def one(ctx):
    pass

@check.rule("two")
def two(ctx):
    pass
"""


def test_check_py_loads_with_its_own_sibling_modules(tmp_path: Path) -> None:
    first = toy(tmp_path / "a", VALID, CHECK)
    (first / "model.py").write_text("NAME = 'first'\n")
    second = toy(tmp_path / "b", VALID, CHECK)
    (second / "model.py").write_text("NAME = 'second'\n")
    checks = [catalogue.load_check(catalogue.read(folder)) for folder in (first, second)]
    assert [list(c.rules) for c in checks] == [["one", "two"], ["one", "two"]]
    # Each check imported its own model.py, and neither stays importable as `model`.
    assert [c.rules["one"].__globals__["NAME"] for c in checks] == ["first", "second"]
    assert "model" not in sys.modules or "first" not in repr(sys.modules["model"])
    assert str(first) not in sys.path and str(second) not in sys.path


def test_rules_that_differ_from_exercise_yml_are_an_error(tmp_path: Path) -> None:
    folder = toy(tmp_path, VALID, CHECK.replace('"two"', '"three"'))
    (folder / "model.py").write_text("NAME = 'x'\n")
    with pytest.raises(ScaffoldError, match=r"defines the rules \['one', 'three'\]"):
        catalogue.load_check(catalogue.read(folder))


@pytest.mark.parametrize("source, phrase", [
    (None, "has no check yet"),
    ("check = 42\n", "defines no `check = Check(...)`"),
    ("import no_such_module\n", "failed to load: ModuleNotFoundError"),
])
def test_a_missing_or_broken_check_is_an_error(tmp_path: Path, source: str | None,
                                               phrase: str) -> None:
    folder = toy(tmp_path, VALID, source)
    with pytest.raises(ScaffoldError, match=re.escape(phrase)):
        catalogue.load_check(catalogue.read(folder))


def test_the_wheel_ships_the_exercises_without_their_reference_solutions(tmp_path: Path) -> None:
    """Learners install the wheel: briefs, notes and checks are in it, solutions never."""
    repo = Path(__file__).resolve().parents[1]
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(repo)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert built.returncode == 0, f"pip wheel failed:\n{built.stdout}{built.stderr}"
    names = zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist()
    shipped = {name for name in names if name.startswith("scaffolder/exercises/")}
    assert "scaffolder/exercises/cart-pricing/check.py" in shipped
    assert "scaffolder/exercises/cart-pricing/notes/django-postgres.md" in shipped
    assert "scaffolder/templates/_shared/openapi.yaml" in names
    solutions = [name for name in shipped if "/solutions/" in name]
    assert not solutions, f"reference solutions in the wheel: {solutions[:3]}"
