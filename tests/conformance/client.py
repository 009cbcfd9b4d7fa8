"""The suite's HTTP client: scaffolder's shared client (scaffolder.http.client), with
every response it gets checked against the OpenAPI document.

Tests assert their own rule first; the responses they received are then checked
against the document after the test body (see plugin.pytest_runtest_call), so a
failure names the most specific rule broken.
"""

from __future__ import annotations

import requests

from scaffolder.http import client as shared
from scaffolder.http.client import (
    PASSWORD,
    TIMEOUT,
    User,
    describe,
    dumps,
    json_body,
    new_session,
    unique_email,
)

from .contract import Contract

__all__ = [
    "PASSWORD",
    "TIMEOUT",
    "Api",
    "ContractViolation",
    "User",
    "describe",
    "dumps",
    "json_body",
    "new_session",
    "unique_email",
]


class ContractViolation(AssertionError):
    pass


class Api(shared.Api):
    """The shared client, recording what it received for the contract check."""

    def __init__(
        self,
        base_url: str,
        contract: Contract,
        record: bool = True,
        session: requests.Session | None = None,
    ) -> None:
        super().__init__(base_url, session if session is not None else new_session())
        self.contract = contract
        # False for fixtures' set-up requests: the tests of each rule check those responses
        # themselves, so a broken rule fails its own tests instead of every set-up.
        self.record = record
        self.received: list[requests.Response] = []

    def on_response(self, response: requests.Response) -> None:
        if self.record:
            self.received.append(response)

    def violations(self, responses: list[requests.Response] | None = None) -> list[str]:
        found = []
        for response in self.received if responses is None else responses:
            found += self.contract.problems(
                response.request.method,
                response.url,
                response.status_code,
                response.headers,
                response.content,
            )
        return found

    def raise_on_violations(self, responses: list[requests.Response] | None = None) -> None:
        found = self.violations(responses)
        if found:
            raise ContractViolation(
                "[rule: every response matches docs/openapi.yaml] " + "\n  ".join(found)
            )
