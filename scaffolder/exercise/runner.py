"""Run exercises' checks against one server: `scaffold exercise check [ID...]`.

The flow: a throwaway database (`launcher.database()`), every exercise's setups in order
(each a context manager that may add environment for the server, e.g. a stub upstream's
URL), ONE `launcher.serve(project, database, env)`, then every rule of every exercise in
order. With `base_url` the learner runs the server: no database, no start, and the setups
get `launcher=None`.

Exit codes: 0 every rule passed, 1 a rule failed, 2 the check could not run (CannotRun
anywhere, a setup that crashed, a server that would not start).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from scaffolder.exercise.checking import (
    CannotRun,
    Check,
    Rule,
    RuleContext,
    Setup,
    SetupContext,
)
from scaffolder.exercise.launch import Launcher, Progress
from scaffolder.http.client import Api


@dataclass(frozen=True)
class CheckTarget:
    """One exercise to check: its check.py `check`, and this stack's hints."""

    exercise_id: str
    check: Check
    hints: Mapping[str, str]  # rule name -> the hint to show when it fails (this stack's)
    start_commit: str | None = None  # recorded by `scaffold exercise start`, for setups


@dataclass(frozen=True)
class RuleResult:
    exercise_id: str
    rule: str
    passed: bool
    expected: str  # what the rule expected ("" when it passed)
    got: str  # what came back instead ("" when it passed)
    curl: str | None  # the last request the rule sent, as a curl command line
    hint: str | None  # shown when the rule failed
    seconds: float


@dataclass
class ExerciseResult:
    exercise_id: str
    results: list[RuleResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.results)


@dataclass
class CheckRun:
    exercises: list[ExerciseResult]
    could_not_run: str | None = None  # why the check could not run (exit 2)
    # With a learner's server (base_url): the environment it must have been started with.
    server_env: Mapping[str, str] = field(default_factory=dict)
    base_url: str | None = None  # the server checked (None if none was reached)

    @property
    def results(self) -> list[RuleResult]:
        return [result for exercise in self.exercises for result in exercise.results]

    @property
    def exit_code(self) -> int:
        if self.could_not_run is not None:
            return 2
        return 0 if all(result.passed for result in self.results) else 1


def _quiet(message: str) -> None:
    """The default progress: say nothing."""


def run_check(
    targets: Sequence[CheckTarget],
    *,
    project: Path | None,
    stack: str | None,
    launcher: Launcher | None,
    base_url: str | None = None,
    progress: Progress = _quiet,
    on_result: Callable[[RuleResult], None] | None = None,
) -> CheckRun:
    """Check `targets` against the project's server (started by `launcher`) or the learner's
    own at `base_url`; never raises for what the check found or could not do."""
    run = CheckRun(exercises=[ExerciseResult(target.exercise_id) for target in targets])
    states: list[dict[str, Any]] = [{} for _ in targets]
    try:
        env = _check_env(targets)
        if base_url is not None:
            run.server_env = dict(env)
            launcher = None
            if env:
                shown = " ".join(f"{key}={value}" for key, value in env.items())
                progress(f"Your server must run with: {shown}")
        elif launcher is None:
            raise CannotRun("no server to check: give the base URL of a running server")
        elif project is None:
            raise CannotRun("no project to start a server for")
        with ExitStack() as resources:
            database = resources.enter_context(launcher.database()) if launcher else None
            for target, state in zip(targets, states, strict=True):
                context = SetupContext(
                    project=project,
                    stack=stack,
                    launcher=launcher,
                    database=database,
                    start_commit=target.start_commit,
                    state=state,
                )
                for setup in target.check.setups:
                    added = resources.enter_context(_setup_context(target, setup, context))
                    env.update(added or {})
            if launcher is not None and project is not None and database is not None:
                progress(f"Starting the server on {database.label}...")
                url = resources.enter_context(launcher.serve(project, database, env, progress))
            elif base_url is not None:
                url = base_url
            else:
                raise CannotRun("no server to check")
            run.base_url = url
            for target, state, exercise in zip(targets, states, run.exercises, strict=True):
                for name, rule in target.check.rules.items():
                    result = _run_rule(target, name, rule, url, env, state)
                    exercise.results.append(result)
                    if on_result is not None:
                        on_result(result)
    except CannotRun as exc:
        run.could_not_run = str(exc) or type(exc).__name__
    except Exception as exc:  # noqa: BLE001 - a learner sees one sentence, never a traceback
        run.could_not_run = f"the check crashed: {type(exc).__name__}: {exc}"
    return run


def _check_env(targets: Sequence[CheckTarget]) -> dict[str, str]:
    """The union of the checks' `env`; two checks wanting different values cannot share a server."""
    env: dict[str, str] = {}
    owner: dict[str, str] = {}
    for target in targets:
        for key, value in target.check.env.items():
            if key in env and env[key] != value:
                raise CannotRun(
                    f"{owner[key]} and {target.exercise_id} need different {key} "
                    f"({env[key]!r}, {value!r}): check them one at a time"
                )
            env[key], owner[key] = value, target.exercise_id
    return env


@contextlib.contextmanager
def _setup_context(
    target: CheckTarget, setup: Setup, context: SetupContext
) -> Iterator[Mapping[str, str] | None]:
    """A setup (a generator function, or one returning a context manager) as a context
    manager; a crash in it is CannotRun naming the exercise and the setup."""
    name = getattr(setup, "__name__", "setup")

    def failed(exc: Exception) -> CannotRun:
        return CannotRun(
            f"{target.exercise_id}: its set-up `{name}` failed: {type(exc).__name__}: {exc}"
        )

    try:
        made: Any = setup(context)
        if made is None:  # a plain function: nothing to undo, no environment
            made = contextlib.nullcontext()
        elif not isinstance(made, AbstractContextManager):
            generator = made
            made = contextlib.contextmanager(lambda: generator)()
        manager: AbstractContextManager[Any] = made
        added = manager.__enter__()
    except CannotRun:
        raise
    except Exception as exc:
        raise failed(exc) from exc
    try:
        yield added
    except BaseException as exc:
        # What went wrong later (the server, a rule) goes through the setup's own
        # clean-up, then on as it was.
        if not manager.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        try:
            manager.__exit__(None, None, None)
        except CannotRun:
            raise
        except Exception as exc:
            raise failed(exc) from exc


def _run_rule(
    target: CheckTarget,
    name: str,
    rule: Rule,
    base_url: str,
    env: Mapping[str, str],
    state: dict[str, Any],
) -> RuleResult:
    api = Api(base_url)  # a client per rule: its last request is this rule's
    context = RuleContext(base_url=base_url, api=api, env=dict(env), state=state)
    started = time.monotonic()
    expected = got = ""
    try:
        rule(context)
        passed = True
    except CannotRun:
        raise
    except AssertionError as exc:  # RuleFailed, and scaffolder.http's UnexpectedResponse
        passed = False
        expected = str(getattr(exc, "expected", "") or exc or "the rule to hold")
        got = str(getattr(exc, "got", "") or "")
    except requests.RequestException as exc:
        passed = False
        expected = "an answer from the server"
        got = f"no answer: {type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - reported as this rule's failure, not a traceback
        passed = False
        expected = "the rule to run to the end"
        got = f"the check crashed: {type(exc).__name__}: {exc}"
    return RuleResult(
        exercise_id=target.exercise_id,
        rule=name,
        passed=passed,
        expected=expected,
        got=got,
        curl=api.curl(),
        hint=None if passed else target.hints.get(name),
        seconds=round(time.monotonic() - started, 3),
    )
