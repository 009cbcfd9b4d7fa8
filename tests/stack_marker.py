"""The `stack` marker: which tests need a stack's toolchain and database, and `--stack`.

`@pytest.mark.stack("<id>")` marks a test that generates a project of that stack and
runs it (its own commands, its database, its server): slow, and it needs the stack's
toolchain. Everything else needs only Python and git, and is fast:

    python3 -m pytest -m "not stack"                 # the fast tests only
    python3 -m pytest --stack express-mongo          # one stack's tests (repeatable)

The conformance suite marks its tests with their target's stack (conformance/plugin.py).
Elsewhere the marker is written by hand, and checked at collection: a test that breaks
one of these rules fails at once, naming the rule, instead of running unmarked.

1. A marker names one stack of templates/ (`stack("django")` is a typo, not a stack).
2. Every test of tests/test_stack_<module>.py carries the marker of that stack.
3. A test in a module that imports a stack driver (tests/stacks/<module>.py, or a name
   from one) carries the marker of one of those stacks.
4. A test that uses a fixture starting a database server (DATABASE_FIXTURES) is marked.
5. While it runs, an unmarked test starts no program other than git and Python inside a
   generated project (a folder with .copier-answers.yml): running a project's own
   commands (make, npm, php, ...) is what the marker is for. Checked by an audit hook
   on subprocess.Popen, so it holds however the test reaches the project.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from tests.stacks import module_name, stack_ids

# Fixtures (tests/conftest.py) that start a throwaway database server.
DATABASE_FIXTURES = frozenset({"postgres"})
DRIVERS_PACKAGE = "tests.stacks."
STACK_TEST_MODULE = re.compile(r"test_stack_(\w+)\.py")

_PROBLEM = pytest.StashKey[str]()
ANSWERS = ".copier-answers.yml"
# What a fast test may run inside a generated project: git, and `scaffold` (Python).
FAST_PROGRAMS = re.compile(r"git|python[\d.]*")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--stack",
        action="append",
        default=[],
        metavar="ID",
        help="run only the tests marked stack(ID) (repeatable); `-m 'not stack'` runs the others",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "stack(id): the test generates and runs a project of that stack (its toolchain, "
        "its database); deselect them all with -m 'not stack', pick one with --stack ID",
    )
    unknown = [s for s in config.getoption("--stack") if s not in stack_ids()]
    if unknown:
        raise pytest.UsageError(
            f"--stack: unknown stack {unknown[0]!r}; choose one of: {', '.join(stack_ids())}"
        )


def marked_stacks(item: pytest.Item) -> set[str]:
    """The stack ids of the item's `stack` markers."""
    return {str(arg) for mark in item.iter_markers("stack") for arg in mark.args}


def imported_drivers(module: ModuleType) -> set[str]:
    """The stacks whose driver the test module imports (the module, or names from it)."""
    stacks: set[str] = set()
    for value in vars(module).values():
        origin = (
            value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
        )
        if isinstance(origin, str) and origin.startswith(DRIVERS_PACKAGE):
            driver = origin.removeprefix(DRIVERS_PACKAGE).split(".")[0]
            stacks.update(s for s in stack_ids() if module_name(s) == driver)
    return stacks


def problem(item: pytest.Item) -> str | None:
    """The rule this item breaks, if any."""
    marks = list(item.iter_markers("stack"))
    stacks = marked_stacks(item)
    if any(len(mark.args) != 1 for mark in marks):
        return "@pytest.mark.stack takes exactly one stack id"
    unknown = stacks - set(stack_ids())
    if unknown:
        return f"@pytest.mark.stack({min(unknown)!r}) names no stack of templates/"
    by_module = {module_name(s): s for s in stack_ids()}
    match = STACK_TEST_MODULE.fullmatch(Path(str(item.path)).name)
    if match:
        own = by_module.get(match.group(1))
        if own is None:
            return f"{item.path.name} is named after no stack of templates/"
        if own not in stacks:
            return f"every test of {item.path.name} carries @pytest.mark.stack({own!r})"
    module = getattr(item, "module", None)
    drivers = imported_drivers(module) if isinstance(module, ModuleType) else set()
    if drivers and not stacks & drivers:
        return (
            f"a test of a module that imports a stack driver carries its marker: "
            f"@pytest.mark.stack({min(drivers)!r})"
        )
    databases = DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ()))
    if databases and not stacks:
        return (
            f"a test that starts a database server ({', '.join(sorted(databases))}) "
            f"carries @pytest.mark.stack(<id>)"
        )
    return None


# tryfirst: before `-m`/`-k` deselect, so every collected test is checked.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        found = problem(item)
        if found:
            item.stash[_PROBLEM] = found
    wanted = set(config.getoption("--stack"))
    if not wanted:
        return
    # A test breaking a rule is kept: it fails below instead of vanishing from the run.
    kept = [i for i in items if marked_stacks(i) & wanted or _PROBLEM in i.stash]
    dropped = [i for i in items if not (marked_stacks(i) & wanted or _PROBLEM in i.stash)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    found = item.stash.get(_PROBLEM, None)
    if found:
        pytest.fail(f"[stack marker] {found} (tests/stack_marker.py)", pytrace=False)


class UnmarkedStackTest(Exception):
    """Raised inside subprocess.Popen: an unmarked test tried to run a generated project."""


_unmarked: list[pytest.Item] = []  # the test running now, when it carries no stack marker


def generated_project(folder: Path) -> Path | None:
    """The generated project `folder` is in (the nearest folder with the answers file)."""
    return next((p for p in (folder, *folder.parents) if (p / ANSWERS).is_file()), None)


def _audit(event: str, args: tuple) -> None:
    if event != "subprocess.Popen" or not _unmarked:
        return
    _executable, argv, cwd, _env = args
    first = argv[0] if isinstance(argv, (list, tuple)) else str(argv).split()[0]
    program = Path(os.fsdecode(first)).name
    project = generated_project(Path(os.fsdecode(cwd)) if cwd else Path.cwd())
    if project is None or FAST_PROGRAMS.fullmatch(program):
        return
    try:
        stack = yaml.safe_load((project / ANSWERS).read_text()).get("stack", "<id>")
    except (OSError, yaml.YAMLError, AttributeError):
        stack = "<id>"
    raise UnmarkedStackTest(
        f"[stack marker] {_unmarked[0].nodeid} runs `{program}` in the generated project "
        f"{project}: it is a stack test, mark it @pytest.mark.stack({stack!r}) "
        f"(tests/stack_marker.py)"
    )


sys.addaudithook(_audit)  # once per process: hooks cannot be removed, _unmarked gates it


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    unmarked = not marked_stacks(item)
    if unmarked:
        _unmarked.append(item)
    try:
        return (yield)
    finally:
        if unmarked:
            _unmarked.clear()
