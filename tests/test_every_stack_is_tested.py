"""No stack silently untested: every stack of templates/ has its driver, its stack test
module and its update-test edits, each driver offers the one driver interface
(tests.stacks.StackDriver), and the `stack` marker selects what it says
(tests/stack_marker.py: `-m "not stack"` for the fast tests, `--stack ID` for one stack).

The list of stacks is templates/ (each folder with a stack.yml), never tests/: adding
a sixth stack folder makes these tests fail until its tests exist.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import textwrap
from functools import cache
from pathlib import Path

import pytest

from tests import test_update_stacks
from tests.harness.scaffold import REPO, scaffold
from tests.stacks import StackDriver, driver, module_name, stack_ids

TESTS = REPO / "tests"
STACKS = stack_ids()


def test_the_stacks_are_the_catalogue_scaffold_lists(tmp_path: Path) -> None:
    listed = scaffold("list", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert STACKS == tuple(sorted(row["id"] for row in json.loads(listed.stdout)))
    assert len(STACKS) >= 5


@pytest.mark.parametrize("stack", STACKS)
def test_the_stack_has_a_driver(stack: str) -> None:
    path = TESTS / "stacks" / f"{module_name(stack)}.py"
    assert path.is_file(), (
        f"[{stack}] has no driver: add {path.relative_to(REPO)} (tests/stacks/__init__.py)"
    )
    assert driver(stack).STACK == stack, (
        f"[{stack}] {path.name} says STACK = {driver(stack).STACK!r}"
    )


def protocol_members() -> dict[str, inspect.Signature | None]:
    """The driver interface: each name, with its signature (None for a constant)."""
    members: dict[str, inspect.Signature | None] = dict.fromkeys(StackDriver.__annotations__)
    for name, function in vars(StackDriver).items():
        if inspect.isfunction(function) and not name.startswith("_"):
            members[name] = inspect.signature(function)
    return members


def test_the_driver_interface_is_documented() -> None:
    members = protocol_members()
    assert set(members) == {
        "STACK", "require_toolchain", "generate", "served", "production",
        "exercise_launcher", "project_checks",
    }
    undocumented = [n for n in members if n != "STACK" and not getattr(StackDriver, n).__doc__]
    assert not undocumented, undocumented


@pytest.mark.parametrize("stack", STACKS)
def test_the_driver_offers_the_driver_interface(stack: str) -> None:
    module = driver(stack)
    problems = []
    for name, signature in protocol_members().items():
        if not hasattr(module, name):
            problems.append(f"no {name}")
        elif signature is None:
            if not isinstance(getattr(module, name), str):
                problems.append(f"{name} is not a str")
        else:
            # The driver must accept every call the interface allows (by position and by name).
            given = {p: object() for p in list(signature.parameters)[1:]}  # after self
            try:
                inspect.signature(getattr(module, name)).bind(*given.values())
                inspect.signature(getattr(module, name)).bind(**given)
            except TypeError as exc:
                problems.append(f"{name}{signature} cannot be called so: {exc}")
    assert not problems, f"[{stack}] tests/stacks/{module_name(stack)}.py: {'; '.join(problems)}"
    assert isinstance(module, StackDriver)


@pytest.mark.parametrize("stack", STACKS)
def test_the_stack_has_its_stack_test_module(stack: str) -> None:
    path = TESTS / f"test_stack_{module_name(stack)}.py"
    assert path.is_file(), (
        f"[{stack}] has no stack test module: add {path.relative_to(REPO)} "
        f"(generate, `make setup migrate test lint`, the project's own output on failure)"
    )
    assert "def test_" in path.read_text(), f"[{stack}] {path.name} holds no test"


def test_the_update_tests_edit_every_stack() -> None:
    edited = [edits.stack for edits in test_update_stacks.STACKS]
    missing = sorted(set(STACKS) - set(edited))
    assert not missing, f"tests/test_update_stacks.py has no StackEdits for {missing}"
    assert sorted(edited) == sorted(set(edited)), f"a stack is edited twice: {edited}"


def test_no_driver_or_stack_test_outlives_its_stack() -> None:
    names = {module_name(stack) for stack in STACKS}
    drivers = {p.stem for p in (TESTS / "stacks").glob("*.py") if p.stem != "__init__"}
    stack_tests = {p.stem.removeprefix("test_stack_") for p in TESTS.glob("test_stack_*.py")}
    assert drivers - names == set(), f"drivers of no stack of templates/: {drivers - names}"
    assert stack_tests - names == set(), (
        f"stack tests of no stack of templates/: {stack_tests - names}"
    )
    edited = {edits.stack for edits in test_update_stacks.STACKS}
    assert edited - set(STACKS) == set(), f"update edits of no stack: {edited - set(STACKS)}"


def test_the_map_lists_every_test_module() -> None:
    map_of_tests = (TESTS / "README.md").read_text()
    missing = [p.name for p in sorted(TESTS.glob("test_*.py")) if f"`{p.name}`" not in map_of_tests]
    assert not missing, f"tests/README.md does not say what these test: {missing}"


# The marker and the selections, on the real suite (collection only: seconds).


def pytest_run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """A pytest of its own on this checkout; COLUMNS keeps its summary lines whole."""
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=cwd, env={**os.environ, "PYTHONPATH": path, "COLUMNS": "300"},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@cache
def collected(*args: str) -> tuple[str, ...]:
    """The test ids `pytest --collect-only ARGS` selects in this checkout."""
    result = pytest_run("--collect-only", "-q", *args)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    return tuple(line for line in result.stdout.splitlines() if "::" in line)


def is_stack_test(node_id: str) -> bool:
    return node_id.startswith(("tests/test_stack_", "tests/conformance/"))


def test_not_stack_selects_the_fast_tests_only() -> None:
    fast = collected("-m", "not stack")
    slow = [node for node in fast if is_stack_test(node)]
    assert not slow, f"-m 'not stack' keeps stack tests: {slow[:5]}"
    assert any(node.startswith("tests/test_every_stack_is_tested.py::") for node in fast)
    assert "tests/test_update_stacks.py::test_django_project_still_passes_its_own_tests_after_the_update" \
        in collected("-m", "stack")  # fmt: skip


@pytest.mark.parametrize("stack", [STACKS[0], STACKS[-1]])
def test_the_stack_option_selects_that_stack_only(stack: str) -> None:
    selected, marked = set(collected("--stack", stack)), collected("-m", "stack")
    assert selected <= set(marked), (
        f"--stack {stack} selects unmarked tests: {selected - set(marked)}"
    )
    own = {n for n in marked if n.startswith(f"tests/test_stack_{module_name(stack)}.py::")}
    assert own and own <= selected, f"--stack {stack} leaves out {sorted(own - selected)[:5]}"
    strays = [n for n in selected if n.startswith("tests/test_stack_") and n not in own]
    assert not strays, f"--stack {stack} selects another stack's tests: {strays[:5]}"
    conformance = [n for n in selected if n.startswith("tests/conformance/")]
    assert all(stack in n for n in conformance), f"--stack {stack}: {conformance[:5]}"
    every_conformance = [n for n in marked if n.startswith("tests/conformance/")]
    assert conformance and len(conformance) * len(STACKS) == len(every_conformance)


def test_against_a_base_url_the_conformance_tests_are_not_stack_tests() -> None:
    # A server someone else runs: the suite once, kept by -m "not stack".
    against_url = collected(
        "tests/conformance", "--base-url", "http://127.0.0.1:9", "-m", "not stack"
    )
    per_stack = [n for n in collected("-m", "stack") if n.startswith("tests/conformance/")]
    assert against_url and len(against_url) * len(STACKS) == len(per_stack)
    assert all("[base-url" in n or "-base-url" in n for n in against_url), against_url[:5]


def test_an_unknown_stack_is_one_clear_line() -> None:
    result = pytest_run("--collect-only", "-q", "--stack", "django")
    assert result.returncode == 4, result.stdout + result.stderr
    assert "--stack: unknown stack 'django'; choose one of: django-postgres" in result.stderr
    assert "Traceback" not in result.stderr


RULE_BREAKERS = {
    "conftest.py": """
        import pytest

        @pytest.fixture
        def postgres():  # the name is what the rule looks at
            return None
    """,
    "test_stack_django_postgres.py": """
        def test_unmarked():
            pass
    """,
    "test_uses_a_driver.py": """
        import pytest
        from tests.stacks import express_mongo

        def test_unmarked():
            assert express_mongo.STACK

        @pytest.mark.stack("spring-oracle")
        def test_marked_for_another_stack():
            pass

        @pytest.mark.stack("express-mongo")
        def test_marked():
            pass
    """,
    "test_runs_a_project.py": """
        import subprocess

        def test_unmarked(tmp_path):
            (tmp_path / ".copier-answers.yml").write_text("stack: rails-postgres\\n")
            subprocess.run(["git", "--version"], cwd=tmp_path, check=True)  # fast: allowed
            subprocess.run("true", shell=True, cwd=tmp_path, check=True)
    """,
    "test_misc.py": """
        import pytest

        @pytest.mark.stack("django")
        def test_typo():
            pass

        def test_database(postgres):
            pass

        def test_fast():
            pass
    """,
}


def test_a_stack_test_without_its_marker_fails_naming_the_rule(tmp_path: Path) -> None:
    for name, text in RULE_BREAKERS.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    # The plugin alone (not tests/conftest.py), on a suite of its own.
    result = pytest_run("-p", "tests.stack_marker", "--rootdir", str(tmp_path), "-q", "-rfE",
                        str(tmp_path), cwd=tmp_path)  # fmt: skip
    output = result.stdout
    expected = {
        "test_stack_django_postgres.py::test_unmarked": "every test of test_stack_django_postgres.py "
        "carries @pytest.mark.stack('django-postgres')",
        "test_uses_a_driver.py::test_unmarked": "imports a stack driver carries its marker: "
        "@pytest.mark.stack('express-mongo')",
        "test_uses_a_driver.py::test_marked_for_another_stack": "@pytest.mark.stack('express-mongo')",
        "test_misc.py::test_typo": "@pytest.mark.stack('django') names no stack of templates/",
        "test_misc.py::test_database": "starts a database server (postgres)",
    }
    for test, message in expected.items():
        line = next((ln for ln in output.splitlines() if test in ln and "ERROR" in ln), "")
        assert message in line, f"{test}: expected {message!r} in\n{output}"
    ran = next(
        (ln for ln in output.splitlines() if "FAILED test_runs_a_project.py::test_unmarked" in ln),
        "",
    )
    assert "runs `sh` in the generated project" in ran, output
    assert "@pytest.mark.stack('rails-postgres')" in ran, output
    assert "1 failed, 2 passed, 5 errors" in output, output
    assert result.returncode == 1
    # --stack keeps a rule breaker, so it cannot vanish from a one-stack run.
    one_stack = pytest_run("-p", "tests.stack_marker", "--rootdir", str(tmp_path), "-q",
                           "--stack", "express-mongo", str(tmp_path), cwd=tmp_path)  # fmt: skip
    assert "1 passed, 2 deselected, 5 errors" in one_stack.stdout, one_stack.stdout
