"""What an exercise's check is made of: named rules, run in order against a running server.

An exercise's `exercises/<id>/check.py` builds one `Check` and decorates its rules:

    check = Check(env={"LOGIN_THROTTLE_WINDOW_SECONDS": "3"})

    @check.setup                       # optional: runs before the server starts
    def upstream(ctx: SetupContext) -> Iterator[dict[str, str]]:
        with StubUpstream() as stub:
            ctx.state["upstream"] = stub
            yield {"HOLIDAYS_API_URL": stub.url}   # more environment for the server

    @check.rule("products-catalogue")  # the names and order of exercise.yml's `rules`
    def products_catalogue(ctx: RuleContext) -> None:
        response = ctx.api.get("/api/v1/products")
        ctx.expect(response.status_code == 200, "200 and the six products", response)

A rule passes when it returns, fails when it raises `RuleFailed` (or an AssertionError,
which is what the shared problem-details assertions raise), and the engine
(scaffolder.exercise.runner) reports each with its name, a curl line for the last request
it sent, what was expected, what came back and the hint. Nothing here knows any one
exercise or stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import requests

    from scaffolder.exercise.launch import Database, Launcher


class RuleFailed(AssertionError):
    """A rule's expectation did not hold: what was expected, and what came back instead."""

    def __init__(
        self, expected: str, got: str | None = None, response: requests.Response | None = None
    ) -> None:
        self.expected = expected
        self.response = response
        self.got = got if got is not None else (_summary(response) if response is not None else "")
        super().__init__(f"expected {expected}; got {self.got}")


class CannotRun(Exception):
    """The check could not run at all (exit 2): no database, the server did not start..."""


def _summary(response: requests.Response) -> str:
    body = response.content[:600].decode(errors="replace")
    content_type = response.headers.get("Content-Type", "no Content-Type")
    return f"{response.status_code} ({content_type}) {body}".strip()


@dataclass
class SetupContext:
    """What a setup hook gets: the project, and (when scaffold starts the server) the
    launcher and the throwaway database the server will use."""

    project: Path | None
    stack: str | None
    launcher: Launcher | None  # None with --base-url: the learner runs the server
    database: Database | None
    start_commit: str | None  # the commit `scaffold exercise start ID` recorded, if any
    state: dict[str, Any] = field(default_factory=dict)  # shared with the rules


@dataclass
class RuleContext:
    """What a rule gets: a client for the server under check, and the setup's state."""

    base_url: str
    api: Any  # scaffolder's shared API client (conformance suite's client), recording requests
    env: Mapping[str, str]  # the environment the server was started with (Check.env + setups)
    state: dict[str, Any]

    def expect(
        self, condition: bool, expected: str, response: requests.Response | None = None
    ) -> None:
        """Fail the rule unless `condition`: `expected` says what should have happened."""
        if not condition:
            raise RuleFailed(expected, response=response)


Rule = Callable[[RuleContext], None]
Setup = Callable[[SetupContext], Iterator[Mapping[str, str]]]


@dataclass
class Check:
    """One exercise's check: its rules in order, its setups, and the server environment."""

    env: Mapping[str, str] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)
    setups: list[Setup] = field(default_factory=list)

    def rule(self, name: str) -> Callable[[Rule], Rule]:
        def register(function: Rule) -> Rule:
            if name in self.rules:
                raise ValueError(f"rule {name!r} is defined twice")
            self.rules[name] = function
            return function

        return register

    def setup(self, function: Setup) -> Setup:
        self.setups.append(function)
        return function
