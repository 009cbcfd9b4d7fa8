"""Assertions on answers that name the rule of the contract (docs/tasks-api-v1.md) they break.

Each raises `UnexpectedResponse` (an AssertionError) explicitly rather than using `assert`,
which `python -O` drops; its message starts with `[rule: ...]`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import requests

from .client import UnexpectedResponse, describe, json_body, summary

PROBLEM_JSON = "application/problem+json"


def media_type(response: requests.Response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


def _fail(
    rule: str, said: str, response: requests.Response, expected: str | None = None
) -> UnexpectedResponse:
    """`said`: the message's words; `expected`: the report's (default: the same)."""
    return UnexpectedResponse(
        f"[rule: {rule}] {said}; {describe(response)}",
        expected=expected or said,
        got=summary(response),
    )


def expect_status(response: requests.Response, status: int, rule: str) -> Any:
    """The status must be `status`; returns the JSON body (None when there is none)."""
    if response.status_code != status:
        raise _fail(rule, f"expected {status}", response, expected=f"status {status}")
    if status == 204 or not response.content:
        return None
    if media_type(response).endswith("json"):
        return json_body(response)
    return None


def expect_problem(response: requests.Response, status: int, rule: str) -> dict[str, Any]:
    """An RFC 9457 problem: this status, Content-Type application/problem+json, the four members."""
    if response.status_code != status:
        raise _fail(rule, f"expected {status}", response, expected=f"status {status}")
    if media_type(response) != PROBLEM_JSON:
        raise _fail(rule, "errors are application/problem+json", response)
    body = json_body(response)
    if not isinstance(body, dict):
        raise _fail(rule, "a problem is a JSON object", response)
    missing = [k for k in ("type", "title", "status", "detail") if k not in body]
    if missing:
        raise _fail(rule, f"the problem lacks {missing}", response)
    if body["status"] != status:
        raise _fail(rule, "the problem's status member must equal the HTTP status", response)
    return body


def expect_validation(response: requests.Response, fields: set[str], rule: str) -> dict[str, Any]:
    """A 422 problem whose `errors` has exactly one entry per failing field (camelCase names)."""
    body = expect_problem(response, 422, rule)
    errors = body.get("errors")
    if not (isinstance(errors, list) and errors):
        raise _fail(rule, "a 422 lists the failing fields in `errors`", response)
    counts = Counter(e.get("field") for e in errors if isinstance(e, dict))
    if set(counts) != fields:
        raise _fail(
            rule,
            f"`errors` must name exactly the failing fields {sorted(fields)}, "
            f"got {sorted(map(str, counts))}",
            response,
        )
    repeated = [f for f, n in counts.items() if n > 1]
    if repeated:
        raise _fail(rule, f"one `errors` entry per failing field, repeated: {repeated}", response)
    if not all(
        isinstance(e, dict) and isinstance(e.get("message"), str) and e["message"] for e in errors
    ):
        raise _fail(rule, "every `errors` entry has a message", response)
    return body


def expect_www_authenticate(response: requests.Response, rule: str) -> None:
    value = response.headers.get("WWW-Authenticate", "")
    if value.split(" ")[0].split(",")[0].lower() != "bearer":
        raise _fail(
            rule,
            f"a 401 on a protected route carries `WWW-Authenticate: Bearer`, got {value!r}",
            response,
        )
