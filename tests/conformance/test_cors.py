"""CORS: by default the origins http://localhost:3000 and http://localhost:5173 are allowed.

The contract: docs/tasks-api-v1.md, section "Conventions" (CORS).
"""

from __future__ import annotations

import pytest

from .client import Api, User, describe

DEFAULT_ORIGINS = ["http://localhost:3000", "http://localhost:5173"]
OTHER_ORIGIN = "http://evil.example"


def header_list(value: str | None) -> set[str]:
    return {part.strip().lower() for part in (value or "").split(",") if part.strip()}


@pytest.mark.parametrize("origin", DEFAULT_ORIGINS)
def test_cors_allows_default_origin(api: Api, user: User, origin: str) -> None:
    response = api.get("/api/v1/tasks", user=user, headers={"Origin": origin})
    assert response.status_code == 200, describe(response)
    assert response.headers.get("Access-Control-Allow-Origin") == origin, (
        f"[rule: CORS allows the default origin {origin}] Access-Control-Allow-Origin is "
        f"{response.headers.get('Access-Control-Allow-Origin')!r}; {describe(response)}"
    )


# What a browser front end preflights: every method with a JSON body or a token.
PREFLIGHTS = [
    ("/api/v1/tasks", "POST"),
    ("/api/v1/tasks/1", "PATCH"),
    ("/api/v1/tasks/1", "DELETE"),
    ("/api/v1/auth/login", "POST"),
]


@pytest.mark.parametrize(("path", "method"), PREFLIGHTS, ids=[f"{m} {p}" for p, m in PREFLIGHTS])
@pytest.mark.parametrize("origin", DEFAULT_ORIGINS)
def test_cors_preflight_allows_default_origin(
    api: Api, origin: str, path: str, method: str
) -> None:
    response = api.request(
        "OPTIONS",
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )
    rule = (
        f"CORS preflight (OPTIONS {path}) from {origin} allows {method} "
        "with Authorization and Content-Type"
    )
    assert 200 <= response.status_code < 300, f"[rule: {rule}] {describe(response)}"
    headers = response.headers
    assert headers.get("Access-Control-Allow-Origin") == origin, (
        f"[rule: {rule}] Access-Control-Allow-Origin is {headers.get('Access-Control-Allow-Origin')!r}"
    )
    methods = header_list(headers.get("Access-Control-Allow-Methods"))
    assert method.lower() in methods or "*" in methods, (
        f"[rule: {rule}] Access-Control-Allow-Methods is {headers.get('Access-Control-Allow-Methods')!r}"
    )
    allowed = header_list(headers.get("Access-Control-Allow-Headers"))
    # `*` does not cover Authorization (Fetch standard): it must be named.
    assert "authorization" in allowed and ({"content-type", "*"} & allowed), (
        f"[rule: {rule}] Access-Control-Allow-Headers is {headers.get('Access-Control-Allow-Headers')!r}"
    )


def test_cors_does_not_allow_other_origins(api: Api, user: User) -> None:
    response = api.get("/api/v1/tasks", user=user, headers={"Origin": OTHER_ORIGIN})
    allowed = response.headers.get("Access-Control-Allow-Origin")
    assert allowed not in (OTHER_ORIGIN, "*"), (
        f"[rule: CORS allows only the configured origins] {OTHER_ORIGIN} got "
        f"Access-Control-Allow-Origin {allowed!r}"
    )
    preflight = api.request(
        "OPTIONS",
        "/api/v1/tasks",
        headers={"Origin": OTHER_ORIGIN, "Access-Control-Request-Method": "POST"},
    )
    allowed = preflight.headers.get("Access-Control-Allow-Origin")
    assert allowed not in (OTHER_ORIGIN, "*"), (
        f"[rule: CORS allows only the configured origins] preflight from {OTHER_ORIGIN} got "
        f"Access-Control-Allow-Origin {allowed!r}"
    )
