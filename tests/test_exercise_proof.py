"""Issue 15's proof, for every exercise x stack (exercises-v1, "The proof").

- On the starter (a fresh project), each exercise's check fails with the rule its
  exercise.yml names in `fails_on_starter`: the check ran and found the work missing.
- With every reference solution applied in order, as a learner doing them all would, the
  project's own `make test` and `make lint` pass, every check passes on one server start,
  and the whole Tasks API conformance suite still passes against that project.
- Each named mutant (a known-wrong solution) fails its exercise's check with its rule.

Servers run through the stack driver's `exercise_launcher` (tests/stacks/<module>.py): the
same project, on this machine's stand-ins where CI has no real server (FerretDB for
MongoDB, H2 in Oracle mode for Oracle, Debian's Rails 6.1 and Laravel 8.83; see the
README's CI table).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import solutions
from tests.stacks import driver, stack_ids

REPO = Path(__file__).resolve().parents[1]
STACKS = stack_ids()
EXERCISES = solutions.exercise_ids()
# The exercise whose check runs the commit it started from (its setup migrates that data).
STARTED_FROM = "projects-migration"
# What the solved exercises add to a task, which the conformance suite then allows.
TASK_FIELDS_ADDED = ("projectId", "holiday")


def by_stack(values: list) -> list:
    return [pytest.param(v, marks=pytest.mark.stack(v[0] if isinstance(v, tuple) else v),
                         id="-".join(v) if isinstance(v, tuple) else v) for v in values]


def run_checks(stack: str, project: Path, workdir: Path, exercise_ids: list[str]):
    """`scaffold exercise check ID...` through the Python API, with the driver's launcher."""
    from scaffolder.exercise import api

    launcher = driver(stack).exercise_launcher(workdir)
    return api.check(project, exercise_ids, launcher=launcher)


def results(run) -> list:
    return [result for exercise in run.exercises for result in exercise.results]


def failed_rules(run, exercise_id: str) -> list[str]:
    return [r.rule for r in results(run) if r.exercise_id == exercise_id and not r.passed]


def shown(run) -> str:
    from scaffolder.exercise import report

    return report.text_report(run)


@pytest.mark.parametrize("stack", by_stack(list(STACKS)))
def test_on_the_starter_each_check_fails_with_its_own_rule(stack: str, tmp_path: Path) -> None:
    stack_driver = driver(stack)
    stack_driver.require_toolchain()
    project = stack_driver.generate(tmp_path)
    from scaffolder.exercise import api

    api.start(project, STARTED_FROM)
    run = run_checks(stack, project, tmp_path, EXERCISES)
    assert run.could_not_run is None, f"[{stack}] the check could not run: {run.could_not_run}\n{shown(run)}"
    for exercise_id in EXERCISES:
        expected = solutions.exercise_data(exercise_id)["fails_on_starter"]
        failed = failed_rules(run, exercise_id)
        assert failed and failed[0] == expected, (
            f"[{stack}] on the starter, {exercise_id}'s check must fail first with `{expected}`, "
            f"failed: {failed}\n{shown(run)}"
        )


@pytest.fixture(scope="module")
def solved(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """A project of the stack with every reference solution applied and committed, in order."""
    stack = request.param
    stack_driver = driver(stack)
    stack_driver.require_toolchain()
    workdir = tmp_path_factory.mktemp(f"solved-{stack}")
    project = stack_driver.generate(workdir)
    from scaffolder.exercise import api

    for exercise_id in EXERCISES:
        if exercise_id == STARTED_FROM:
            # Committed, as a learner may: a worktree of the project (the mutants') then
            # knows the commit the exercise started from.
            api.start(project, exercise_id)
            solutions.git(project, "add", "-A")
            solutions.commit(project, f"Start {exercise_id}")
        solutions.apply(project, solutions.solution(exercise_id, stack), f"Solve {exercise_id}")
    yield stack, project, workdir


def solved_params() -> list:
    return by_stack(list(STACKS))


@pytest.mark.parametrize("solved", solved_params(), indirect=True)
def test_every_check_passes_on_the_solutions_on_one_server(solved: tuple[str, Path, Path]) -> None:
    stack, project, workdir = solved
    run = run_checks(stack, project, workdir, EXERCISES)
    failed = [f"{r.exercise_id}: {r.rule}" for r in results(run) if not r.passed]
    assert run.could_not_run is None and not failed, (
        f"[{stack}] with the reference solutions applied, the checks must pass; failed: {failed}"
        f"{'; could not run: ' + run.could_not_run if run.could_not_run else ''}\n{shown(run)}"
    )
    from scaffolder.exercise import api

    api.progress(project, write_readme=True)
    readme = (project / "README.md").read_text()
    for exercise_id in EXERCISES:
        assert exercise_id in readme.split("practice-log:start")[-1], (
            f"[{stack}] `progress --write-readme` should list {exercise_id} as passed"
        )


@pytest.mark.parametrize("solved", solved_params(), indirect=True)
def test_the_solutions_keep_the_projects_tests_and_lint_green(solved: tuple[str, Path, Path]) -> None:
    stack, project, _ = solved
    driver(stack).project_checks(project)


@pytest.mark.parametrize("solved", solved_params(), indirect=True)
def test_the_solved_project_still_passes_the_conformance_suite(solved: tuple[str, Path, Path]) -> None:
    stack, project, workdir = solved
    launcher = driver(stack).exercise_launcher(workdir)
    with launcher.database() as database, launcher.serve(project, database, {}, lambda _: None) as base_url:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "tests/conformance", "--base-url", base_url, "-q",
             "-p", "no:cacheprovider", "-x",
             *(f"--task-field={name}" for name in TASK_FIELDS_ADDED)],
            cwd=REPO, capture_output=True, text=True, timeout=1800,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    assert result.returncode == 0, (
        f"[{stack}] the solved project fails the Tasks API conformance suite:\n"
        f"{result.stdout[-6000:]}{result.stderr[-2000:]}"
    )


def mutant_params() -> list:
    return [pytest.param(stack, (m.exercise, m.name), marks=pytest.mark.stack(stack),
                         id=f"{stack}-{m.exercise}-{m.name}")
            for stack in STACKS for m in solutions.mutants(stack)]


@pytest.mark.parametrize(("solved", "mutant"), mutant_params(), indirect=["solved"])
def test_each_mutant_fails_its_check_with_its_rule(solved: tuple[str, Path, Path],
                                                   mutant: tuple[str, str]) -> None:
    """The mutant goes on a worktree of the solved project, so the project stays solved."""
    stack, project, workdir = solved
    exercise_id, name = mutant
    found = next(m for m in solutions.mutants(stack) if (m.exercise, m.name) == mutant)
    worktree = workdir / f"mutant-{exercise_id}-{name}"
    solutions.git(project, "worktree", "add", "-q", "--detach", str(worktree), "HEAD")
    try:
        solutions.apply(worktree, found.patch, f"Mutant {name}")
        run = run_checks(stack, worktree, workdir, [exercise_id])
    finally:
        solutions.git(project, "worktree", "remove", "--force", str(worktree))
    failed = failed_rules(run, exercise_id)
    assert run.could_not_run is None and found.fails in failed, (
        f"[{stack}] the mutant {exercise_id}/{name} must fail `{found.fails}`; failed: {failed}\n{shown(run)}"
    )
