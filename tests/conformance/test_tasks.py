"""Tasks: create, read, update, delete, validation, read-only fields, owner scoping, ids.

The contract: docs/tasks-api-v1.md, section "Tasks (each user sees only their own)".
"""

from __future__ import annotations

import time
from datetime import datetime
from urllib.parse import quote, urlsplit

import pytest

from .client import Api, User, describe
from .rules import expect_problem, expect_status, expect_validation

TASKS = "/api/v1/tasks"
FIELDS = {"id", "title", "description", "status", "dueDate", "createdAt", "updatedAt"}


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def test_create_task_is_201_with_location(
    api: Api, user: User, extra_task_fields: frozenset[str]
) -> None:
    response = api.post(
        TASKS,
        user=user,
        json={
            "title": "Write the README",
            "description": "Quick start",
            "status": "doing",
            "dueDate": "2026-12-01",
        },
    )
    task = expect_status(response, 201, "POST /tasks -> 201 the task")
    assert set(task) - extra_task_fields == FIELDS, (
        f"[rule: a task is {sorted(FIELDS)}] got {sorted(task)}"
    )
    assert {k: task[k] for k in ("title", "description", "status", "dueDate")} == {
        "title": "Write the README",
        "description": "Quick start",
        "status": "doing",
        "dueDate": "2026-12-01",
    }, f"[rule: POST /tasks -> 201 the task as sent] {task}"
    assert isinstance(task["id"], str), f"[rule: ids are strings on the wire] {task}"
    location = response.headers.get("Location")
    assert location and urlsplit(location).path == f"{TASKS}/{task['id']}", (
        f"[rule: POST /tasks answers Location: /api/v1/tasks/{{id}}] got {location!r}"
    )


def test_create_task_defaults(api: Api, user: User) -> None:
    task = expect_status(
        api.post(TASKS, user=user, json={"title": "Only a title"}), 201, "POST /tasks -> 201"
    )
    assert (task["status"], task["description"], task["dueDate"]) == ("todo", None, None), (
        f"[rule: status defaults to todo; description and dueDate default to null] {task}"
    )
    assert task["createdAt"] == task["updatedAt"] or parse_time(task["updatedAt"]) >= parse_time(
        task["createdAt"]
    ), f"[rule: updatedAt is not before createdAt] {task}"


def test_get_task_answers_the_task(api: Api, user: User) -> None:
    created = api.create_task(user, title="Read me", dueDate="2027-01-31")
    task = expect_status(
        api.get(f"{TASKS}/{created['id']}", user=user), 200, "GET /tasks/{id} -> 200"
    )
    assert task == created, (
        f"[rule: GET /tasks/{{id}} answers the task] created {created}, got {task}"
    )


def test_patch_changes_only_the_given_fields(api: Api, user: User) -> None:
    created = api.create_task(user, title="Before", description="keep me", dueDate="2027-02-01")
    time.sleep(1.1)  # updatedAt must move even where timestamps have whole seconds
    response = api.patch(f"{TASKS}/{created['id']}", user=user, json={"status": "done"})
    task = expect_status(response, 200, "PATCH /tasks/{id} -> 200 the updated task")
    expected = {**created, "status": "done"}
    assert {k: v for k, v in task.items() if k != "updatedAt"} == {
        k: v for k, v in expected.items() if k != "updatedAt"
    }, f"[rule: PATCH changes only the given fields] before {created}, after {task}"
    assert parse_time(task["updatedAt"]) > parse_time(created["updatedAt"]), (
        f"[rule: PATCH moves updatedAt] before {created['updatedAt']}, after {task['updatedAt']}"
    )
    again = expect_status(
        api.get(f"{TASKS}/{created['id']}", user=user), 200, "GET /tasks/{id} -> 200"
    )
    assert again == task, f"[rule: PATCH is stored] PATCH answered {task}, GET answers {again}"


def test_patch_can_clear_nullable_fields(api: Api, user: User) -> None:
    created = api.create_task(user, description="some text", dueDate="2027-03-01")
    response = api.patch(
        f"{TASKS}/{created['id']}", user=user, json={"description": None, "dueDate": None}
    )
    task = expect_status(response, 200, "PATCH /tasks/{id} -> 200")
    assert (task["description"], task["dueDate"]) == (None, None), (
        f"[rule: description and dueDate may be set to null] {task}"
    )


def test_patch_with_no_fields_changes_nothing(api: Api, user: User) -> None:
    created = api.create_task(user, title="Same", description="same", dueDate="2027-04-01")
    task = expect_status(
        api.patch(f"{TASKS}/{created['id']}", user=user, json={}),
        200,
        "PATCH takes any subset of the writable fields, the empty one too",
    )
    assert {k: v for k, v in task.items() if k != "updatedAt"} == {
        k: v for k, v in created.items() if k != "updatedAt"
    }, f"[rule: an empty PATCH changes no field] before {created}, after {task}"


def test_delete_task_is_204_without_body(api: Api, user: User) -> None:
    created = api.create_task(user)
    response = api.delete(f"{TASKS}/{created['id']}", user=user)
    expect_status(response, 204, "DELETE /tasks/{id} -> 204")
    assert response.content == b"", (
        f"[rule: DELETE -> 204 with no body] got {response.content[:200]!r}"
    )
    expect_problem(api.get(f"{TASKS}/{created['id']}", user=user), 404, "a deleted task is a 404")
    expect_problem(
        api.delete(f"{TASKS}/{created['id']}", user=user), 404, "a deleted task is a 404"
    )


def test_title_is_trimmed(api: Api, user: User) -> None:
    task = expect_status(
        api.post(TASKS, user=user, json={"title": "  Buy milk \t"}), 201, "POST /tasks -> 201"
    )
    assert task["title"] == "Buy milk", (
        f"[rule: title is trimmed] sent '  Buy milk \\t', got {task['title']!r}"
    )
    patched = api.patch(f"{TASKS}/{task['id']}", user=user, json={"title": "  Buy bread  "})
    assert expect_status(patched, 200, "PATCH -> 200")["title"] == "Buy bread", (
        f"[rule: title is trimmed on update] {describe(patched)}"
    )


def test_title_length_limits(api: Api, user: User) -> None:
    rule = "title is 1-200 characters after trimming"
    # Characters, not bytes or UTF-16 units: 200 emoji are 200 characters.
    for title in ("x" * 200, "  " + "y" * 200 + "  ", "é" * 200, "\U0001f600" * 200):
        task = expect_status(api.post(TASKS, user=user, json={"title": title}), 201, rule)
        assert task["title"] == title.strip(), (
            f"[rule: {rule}] sent {len(title)} chars, got {task['title']!r}"
        )
    for title in ("z" * 201, "\U0001f600" * 201, "", "   "):
        expect_validation(api.post(TASKS, user=user, json={"title": title}), {"title"}, rule)


@pytest.mark.parametrize(
    "body", [{}, {"title": None}, {"description": "no title"}], ids=["empty", "null", "absent"]
)
def test_title_is_required_on_create(api: Api, user: User, body: dict) -> None:
    expect_validation(
        api.post(TASKS, user=user, json=body), {"title"}, "title is required on create"
    )


def test_description_length_limit(api: Api, user: User) -> None:
    rule = "description is a string up to 2000 characters, or null"
    for description in ("d" * 2000, None):
        expect_status(
            api.post(TASKS, user=user, json={"title": "t", "description": description}), 201, rule
        )
    expect_validation(
        api.post(TASKS, user=user, json={"title": "t", "description": "d" * 2001}),
        {"description"},
        rule,
    )


@pytest.mark.parametrize("status", ["todo", "doing", "done"])
def test_each_status_is_accepted(api: Api, user: User, status: str) -> None:
    task = expect_status(
        api.post(TASKS, user=user, json={"title": "t", "status": status}),
        201,
        "status is todo | doing | done",
    )
    assert task["status"] == status, f"[rule: status is todo | doing | done] {task}"


@pytest.mark.parametrize("status", ["started", "DONE", "", None])
def test_invalid_status_is_422(api: Api, user: User, status: object) -> None:
    expect_validation(
        api.post(TASKS, user=user, json={"title": "t", "status": status}),
        {"status"},
        "status is todo | doing | done (anything else is a 422 on status)",
    )


@pytest.mark.parametrize(
    "due",
    [
        "tomorrow",
        "2026-13-01",
        "2026-02-30",
        "01/12/2026",
        "2026-12-01T10:00:00Z",
        "2026-1-5",
        "20261201",
    ],
)
def test_invalid_due_date_is_422(api: Api, user: User, due: str) -> None:
    expect_validation(
        api.post(TASKS, user=user, json={"title": "t", "dueDate": due}),
        {"dueDate"},
        "dueDate is YYYY-MM-DD or null (anything else is a 422 on dueDate)",
    )


def test_validation_reports_each_failing_field(api: Api, user: User) -> None:
    rule = "a 422 has one errors entry per failing field, with camelCase names"
    body = {"title": " ", "description": "d" * 2001, "status": "nope", "dueDate": "soon"}
    expect_validation(
        api.post(TASKS, user=user, json=body), {"title", "description", "status", "dueDate"}, rule
    )
    task = api.create_task(user)
    expect_validation(
        api.patch(f"{TASKS}/{task['id']}", user=user, json=body),
        {"title", "description", "status", "dueDate"},
        rule,
    )


@pytest.mark.parametrize(
    "title", ["", "   ", None, "w" * 201], ids=["empty", "blank", "null", "too-long"]
)
def test_patch_validates_title(api: Api, user: User, title: object) -> None:
    task = api.create_task(user, title="Unchanged")
    expect_validation(
        api.patch(f"{TASKS}/{task['id']}", user=user, json={"title": title}),
        {"title"},
        "PATCH validates title like create (1-200 characters after trimming)",
    )
    again = expect_status(api.get(f"{TASKS}/{task['id']}", user=user), 200, "GET -> 200")
    assert again["title"] == "Unchanged", f"[rule: a rejected PATCH changes nothing] {again}"


READ_ONLY = {
    "id": "not-an-id-123",
    "createdAt": "2001-01-01T00:00:00Z",
    "updatedAt": "2001-01-01T00:00:00Z",
}


def test_read_only_fields_are_not_written_on_create(api: Api, user: User) -> None:
    response = api.post(TASKS, user=user, json={"title": "t", **READ_ONLY})
    task = expect_status(
        response, 201, "id, createdAt, updatedAt cannot be written (ignored on create)"
    )
    written = {k: task[k] for k in READ_ONLY if task[k] == READ_ONLY[k]}
    assert not written, (
        f"[rule: id, createdAt, updatedAt cannot be written] the server took {written}"
    )


def test_read_only_fields_are_not_written_on_update(api: Api, user: User) -> None:
    created = api.create_task(user)
    response = api.patch(f"{TASKS}/{created['id']}", user=user, json={"title": "new", **READ_ONLY})
    task = expect_status(
        response, 200, "id, createdAt, updatedAt cannot be written (ignored on update)"
    )
    assert (task["id"], task["createdAt"]) == (created["id"], created["createdAt"]), (
        f"[rule: id, createdAt, updatedAt cannot be written] before {created}, after {task}"
    )
    assert task["updatedAt"] != READ_ONLY["updatedAt"], (
        f"[rule: updatedAt cannot be written] {task}"
    )
    expect_status(api.get(f"{TASKS}/{created['id']}", user=user), 200, "the task keeps its id")


def test_unknown_fields_are_ignored(api: Api, user: User) -> None:
    rule = "unknown body fields are ignored"
    task = expect_status(
        api.post(TASKS, user=user, json={"title": "t", "colour": "red", "owner": "someone"}),
        201,
        rule,
    )
    assert "colour" not in task and "owner" not in task, f"[rule: {rule}] {task}"
    patched = expect_status(
        api.patch(f"{TASKS}/{task['id']}", user=user, json={"colour": "blue"}), 200, rule
    )
    assert patched["title"] == "t" and "colour" not in patched, f"[rule: {rule}] {patched}"


def test_another_users_task_is_404(api: Api, user: User, other_user: User) -> None:
    rule = "a task of another user is a 404 (never a 403)"
    task = api.create_task(user, title="Mine")
    path = f"{TASKS}/{task['id']}"
    expect_problem(api.get(path, user=other_user), 404, rule)
    expect_problem(api.patch(path, user=other_user, json={"title": "Theirs"}), 404, rule)
    expect_problem(api.delete(path, user=other_user), 404, rule)
    listed = expect_status(
        api.get(TASKS, user=other_user, params={"pageSize": 100}), 200, "GET /tasks -> 200"
    )
    assert task["id"] not in {t["id"] for t in listed["items"]}, (
        f"[rule: each user sees only their own] {listed}"
    )
    unchanged = expect_status(api.get(path, user=user), 200, "the owner still has the task")
    assert unchanged["title"] == "Mine", f"[rule: {rule}: nothing changed] {unchanged}"


MALFORMED_IDS = [
    "abc",
    "0",
    "-1",
    "1.5",
    "1e3",
    "99999999999999999999999999",
    "000000000000000000000000",
    "ffffffffffffffffffffffff",
    "00000000-0000-0000-0000-000000000000",
    "' OR '1'='1",
    "%00",
    "é",
    "x" * 300,
]


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize("task_id", MALFORMED_IDS, ids=range(len(MALFORMED_IDS)))
def test_malformed_or_unknown_id_is_404(api: Api, user: User, method: str, task_id: str) -> None:
    path = f"{TASKS}/{task_id if task_id == '%00' else quote(task_id, safe='')}"
    response = api.request(
        method, path, user=user, json={"title": "x"} if method == "PATCH" else None
    )
    expect_problem(response, 404, "an unknown or malformed id is a 404 problem+json (never a 500)")
