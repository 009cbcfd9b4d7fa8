"""Every response carries X-Request-Id: echoed from the request when given, else generated.

The contract: docs/tasks-api-v1.md, section "Conventions" (X-Request-Id).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
import requests

from .client import Api, User, describe

# One request of each kind of answer: success, errors of each family, CORS preflight.
KINDS: dict[str, Callable[[Api, User, dict], requests.Response]] = {
    "health-200": lambda api, user, h: api.get("/health", headers=h),
    "list-200": lambda api, user, h: api.get("/api/v1/tasks", user=user, headers=h),
    "create-201": lambda api, user, h: api.post(
        "/api/v1/tasks", user=user, headers=h, json={"title": "x"}
    ),
    "login-401": lambda api, user, h: api.post(
        "/api/v1/auth/login", headers=h, json={"email": user.email, "password": "wrong-password"}
    ),
    "me-401": lambda api, user, h: api.get("/api/v1/auth/me", headers=h),
    "unknown-route-404": lambda api, user, h: api.get("/api/v1/no-such-route", headers=h),
    "wrong-method-405": lambda api, user, h: api.request(
        "PUT", "/api/v1/auth/login", headers=h, json={}
    ),
    "validation-422": lambda api, user, h: api.post("/api/v1/tasks", user=user, headers=h, json={}),
    "cors-preflight": lambda api, user, h: api.request(
        "OPTIONS",
        "/api/v1/tasks",
        headers={
            **h,
            "Origin": "http://localhost:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    ),
}


@pytest.mark.parametrize("kind", KINDS)
def test_x_request_id_is_echoed(api: Api, user: User, kind: str) -> None:
    sent = f"conformance_{uuid.uuid4().hex}"
    response = KINDS[kind](api, user, {"X-Request-Id": sent})
    assert response.headers.get("X-Request-Id") == sent, (
        f"[rule: X-Request-Id is echoed from the request] sent {sent!r}, got "
        f"{response.headers.get('X-Request-Id')!r}; {describe(response)}"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_x_request_id_is_generated(api: Api, user: User, kind: str) -> None:
    first = KINDS[kind](api, user, {})
    second = KINDS[kind](api, user, {})
    ids = [r.headers.get("X-Request-Id") for r in (first, second)]
    assert all(ids), (
        f"[rule: every response carries X-Request-Id (generated when the request has none)] "
        f"got {ids}; {describe(first)}"
    )
    assert ids[0] != ids[1], f"[rule: a generated X-Request-Id is unique per request] got {ids}"


def test_x_request_id_of_the_documented_form_is_echoed_up_to_128_characters(api: Api) -> None:
    # The document: 1-128 characters of A-Z a-z 0-9 _ -
    for sent in ("a", "A-z_09", ("x-" + uuid.uuid4().hex * 4)[:128]):
        response = api.get("/health", headers={"X-Request-Id": sent})
        assert response.headers.get("X-Request-Id") == sent, (
            f"[rule: X-Request-Id is echoed from the request] sent {sent!r} ({len(sent)} characters), "
            f"got {response.headers.get('X-Request-Id')!r}"
        )


@pytest.mark.parametrize(
    "sent", ["::::", "a b", "x" * 300, "é"], ids=["colons", "space", "long", "non-ascii"]
)
def test_x_request_id_outside_the_documented_form_still_gets_one(api: Api, sent: str) -> None:
    # Echoed or replaced by a generated id, but a response never goes without one.
    response = api.get("/health", headers={"X-Request-Id": sent.encode()})
    assert response.headers.get("X-Request-Id", "").strip(), (
        f"[rule: every response carries X-Request-Id (generated when the request has none)] sent {sent!r}, "
        f"got {response.headers.get('X-Request-Id')!r}"
    )
