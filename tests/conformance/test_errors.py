"""Every error is an RFC 9457 problem (application/problem+json): 400, 404, 405, 415.

The contract: docs/tasks-api-v1.md, section "Errors: RFC 9457 problem details, always".
"""

from __future__ import annotations

import pytest

from .client import Api, User, describe
from .rules import expect_problem

UNKNOWN_ROUTES = [
    "/no-such-route",
    "/api/v1/no-such-route",
    "/api/v2/tasks",
    "/api/v1/tasks/1/extra",
]


@pytest.mark.parametrize("path", UNKNOWN_ROUTES)
def test_unknown_route_is_404_problem(api: Api, user: User, path: str) -> None:
    expect_problem(api.get(path, user=user), 404, "an unknown route is a 404 problem+json")


# Known routes with a method they do not serve; with a token, so auth is not what fails.
WRONG_METHODS = [
    ("PUT", "/api/v1/tasks/{id}"),
    ("DELETE", "/api/v1/tasks"),
    ("PUT", "/api/v1/auth/login"),
    ("GET", "/api/v1/auth/register"),
    ("DELETE", "/api/v1/auth/me"),
    ("POST", "/health"),
]


@pytest.mark.parametrize(
    ("method", "path"), WRONG_METHODS, ids=[f"{m} {p}" for m, p in WRONG_METHODS]
)
def test_wrong_method_is_405_problem(api: Api, user: User, method: str, path: str) -> None:
    task = api.create_task(user)
    response = api.request(method, path.format(id=task["id"]), user=user, json={"title": "x"})
    expect_problem(response, 405, "a method not allowed on a known route is a 405 problem+json")


# Routes that take a JSON body: (method, path, needs a token).
BODY_ROUTES = {
    "register": ("POST", "/api/v1/auth/register", False),
    "login": ("POST", "/api/v1/auth/login", False),
    "create-task": ("POST", "/api/v1/tasks", True),
    "update-task": ("PATCH", "/api/v1/tasks/{id}", True),
}
MALFORMED_JSON = ['{"title": ', "{title: 'x'}", "not json", '{"title": "x",}']


def body_route(api: Api, user: User, name: str) -> tuple[str, str, dict]:
    method, path, protected = BODY_ROUTES[name]
    if "{id}" in path:
        path = path.format(id=api.create_task(user)["id"])
    return method, path, {"user": user} if protected else {}


@pytest.mark.parametrize("body", MALFORMED_JSON, ids=range(len(MALFORMED_JSON)))
@pytest.mark.parametrize("route", BODY_ROUTES)
def test_malformed_json_is_400_problem(api: Api, user: User, route: str, body: str) -> None:
    method, path, auth = body_route(api, user, route)
    response = api.raw(method, path, body, "application/json", **auth)
    expect_problem(response, 400, "a body that is not valid JSON is a 400 problem+json")


WRONG_MEDIA_TYPES = {
    "text-plain": (
        '{"title": "x", "email": "a@example.com", "password": "password123"}',
        "text/plain",
    ),
    "form": (
        "title=x&email=a%40example.com&password=password123",
        "application/x-www-form-urlencoded",
    ),
    "xml": ("<task><title>x</title></task>", "application/xml"),
    "no-content-type": (
        '{"title": "x", "email": "a@example.com", "password": "password123"}',
        None,
    ),
}


@pytest.mark.parametrize("media", WRONG_MEDIA_TYPES)
@pytest.mark.parametrize("route", BODY_ROUTES)
def test_wrong_media_type_is_415_problem(api: Api, user: User, route: str, media: str) -> None:
    method, path, auth = body_route(api, user, route)
    body, content_type = WRONG_MEDIA_TYPES[media]
    response = api.raw(method, path, body, content_type, **auth)
    expect_problem(response, 415, "a body that is not application/json is a 415 problem+json")


def test_json_with_a_charset_parameter_is_accepted(api: Api, user: User) -> None:
    response = api.raw(
        "POST",
        "/api/v1/tasks",
        '{"title": "charset"}',
        "application/json; charset=utf-8",
        user=user,
    )
    assert response.status_code == 201, (
        f"[rule: a body of type application/json (with a charset parameter) is accepted] {describe(response)}"
    )
