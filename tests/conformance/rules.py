"""Assertions that name the rule of the contract, docs/tasks-api-v1.md, a response breaks."""

from __future__ import annotations

from collections import Counter
from typing import Any

import requests

from .client import describe, json_body

PROBLEM_JSON = "application/problem+json"


def media_type(response: requests.Response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


def expect_status(response: requests.Response, status: int, rule: str) -> Any:
    """The status must be `status`; returns the JSON body (None when there is none)."""
    assert response.status_code == status, f"[rule: {rule}] expected {status}; {describe(response)}"
    if status == 204 or not response.content:
        return None
    if media_type(response).endswith("json"):
        return json_body(response)
    return None


def expect_problem(response: requests.Response, status: int, rule: str) -> dict:
    """An RFC 9457 problem: this status, Content-Type application/problem+json, the four members."""
    assert response.status_code == status, f"[rule: {rule}] expected {status}; {describe(response)}"
    assert media_type(response) == PROBLEM_JSON, (
        f"[rule: {rule}] errors are application/problem+json; {describe(response)}"
    )
    body = json_body(response)
    assert isinstance(body, dict), (
        f"[rule: {rule}] a problem is a JSON object; {describe(response)}"
    )
    missing = [k for k in ("type", "title", "status", "detail") if k not in body]
    assert not missing, f"[rule: {rule}] the problem lacks {missing}; {describe(response)}"
    assert body["status"] == status, (
        f"[rule: {rule}] the problem's status member must equal the HTTP status; {describe(response)}"
    )
    return body


def expect_validation(response: requests.Response, fields: set[str], rule: str) -> dict:
    """A 422 problem whose `errors` has exactly one entry per failing field (camelCase names)."""
    body = expect_problem(response, 422, rule)
    errors = body.get("errors")
    assert isinstance(errors, list) and errors, (
        f"[rule: {rule}] a 422 lists the failing fields in `errors`; {describe(response)}"
    )
    counts = Counter(e.get("field") for e in errors if isinstance(e, dict))
    assert set(counts) == fields, (
        f"[rule: {rule}] `errors` must name exactly the failing fields {sorted(fields)}, "
        f"got {sorted(map(str, counts))}; {describe(response)}"
    )
    repeated = [f for f, n in counts.items() if n > 1]
    assert not repeated, (
        f"[rule: {rule}] one `errors` entry per failing field, repeated: {repeated}"
    )
    assert all(isinstance(e.get("message"), str) and e["message"] for e in errors), (
        f"[rule: {rule}] every `errors` entry has a message; {describe(response)}"
    )
    return body


def expect_www_authenticate(response: requests.Response, rule: str) -> None:
    value = response.headers.get("WWW-Authenticate", "")
    assert value.split(" ")[0].split(",")[0].lower() == "bearer", (
        f"[rule: {rule}] a 401 on a protected route carries `WWW-Authenticate: Bearer`, "
        f"got {value!r}; {describe(response)}"
    )
