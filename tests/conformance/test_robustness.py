"""Bodies with values of the wrong JSON type: a 4xx naming the field (or a harmless coercion), never a 5xx.

The contract: docs/tasks-api-v1.md, section "Errors: RFC 9457 problem details, always".
"""

from __future__ import annotations

import pytest

from .client import Api, User, describe, unique_email
from .rules import expect_validation

WRONG = {"number": 20, "bool": True, "list": ["x"], "object": {"x": 1}}


def outcome(response, field: str, accepted: int, rule: str) -> None:
    assert response.status_code < 500, f"[rule: {rule}: never a 5xx] {describe(response)}"
    if response.status_code == 422:
        expect_validation(response, {field}, f"{rule}: a 422 names {field}")
    else:
        assert response.status_code == accepted, f"[rule: {rule}] {describe(response)}"


@pytest.mark.parametrize("kind", WRONG)
@pytest.mark.parametrize("field", ["email", "password", "name"])
def test_register_with_a_wrong_type_is_not_a_server_error(api: Api, field: str, kind: str) -> None:
    body = {"email": unique_email(), "password": "correct-horse-battery", field: WRONG[kind]}
    outcome(
        api.post("/api/v1/auth/register", json=body),
        field,
        201,
        f"register with a {kind} as {field} is a 422 on {field}",
    )


@pytest.mark.parametrize("kind", WRONG)
@pytest.mark.parametrize("field", ["email", "password"])
def test_login_with_a_wrong_type_is_not_a_server_error(
    api: Api, user: User, field: str, kind: str
) -> None:
    body = {"email": user.email, "password": user.password, field: WRONG[kind]}
    response = api.post("/api/v1/auth/login", json=body)
    assert response.status_code in (401, 422), (
        f"[rule: login with a {kind} as {field} is a 401 or 422, never a 5xx] {describe(response)}"
    )


@pytest.mark.parametrize("kind", WRONG)
@pytest.mark.parametrize("field", ["title", "description", "status", "dueDate"])
def test_task_with_a_wrong_type_is_not_a_server_error(
    api: Api, user: User, field: str, kind: str
) -> None:
    body = {"title": "typed", field: WRONG[kind]}
    outcome(
        api.post("/api/v1/tasks", user=user, json=body),
        field,
        201,
        f"a task with a {kind} as {field} is a 422 on {field}",
    )
    task = api.create_task(user)
    outcome(
        api.patch(f"/api/v1/tasks/{task['id']}", user=user, json={field: WRONG[kind]}),
        field,
        200,
        f"a PATCH with a {kind} as {field} is a 422 on {field}",
    )


@pytest.mark.parametrize("body", ["[]", '"text"', "42", "null", "true"])
@pytest.mark.parametrize("route", ["register", "create-task"])
def test_a_json_body_that_is_not_an_object_is_a_4xx(
    api: Api, user: User, route: str, body: str
) -> None:
    path, auth = {
        "register": ("/api/v1/auth/register", {}),
        "create-task": ("/api/v1/tasks", {"user": user}),
    }[route]
    response = api.raw("POST", path, body, "application/json", **auth)
    assert response.status_code in (400, 422), (
        f"[rule: a JSON body that is not an object is a 400 or 422, never a 5xx] {describe(response)}"
    )
