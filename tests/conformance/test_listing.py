"""GET /api/v1/tasks: the page envelope, pagination arithmetic, the status filter, the six sorts.

The contract: docs/tasks-api-v1.md, section "Tasks (each user sees only their own)", the list.
"""

from __future__ import annotations

import math
import time
from datetime import datetime

import pytest

from .client import Api, User, describe
from .rules import expect_status, expect_validation

TASKS = "/api/v1/tasks"
ENVELOPE = {"items", "page", "pageSize", "totalItems", "totalPages"}


def page(api: Api, user: User, rule: str, **params: object) -> dict:
    body = expect_status(api.get(TASKS, user=user, params=params), 200, rule)
    assert set(body) == ENVELOPE, f"[rule: the list answers {sorted(ENVELOPE)}] got {sorted(body)}"
    return body


def test_list_defaults_to_page_1_of_20(api: Api, setup_api: Api) -> None:
    user = setup_api.new_user()
    for n in range(21):
        setup_api.create_task(user, title=f"task {n:02d}")
    body = page(api, user, "GET /tasks defaults: page 1, pageSize 20")
    assert (
        body["page"],
        body["pageSize"],
        body["totalItems"],
        body["totalPages"],
        len(body["items"]),
    ) == (1, 20, 21, 2, 20), f"[rule: page defaults to 1 and pageSize to 20] {summary(body)}"


def test_empty_list(api: Api, setup_api: Api) -> None:
    body = page(api, setup_api.new_user(), "GET /tasks of a new user")
    assert (body["items"], body["totalItems"], body["totalPages"]) == ([], 0, 0), (
        f"[rule: pagination arithmetic: no tasks is 0 items on 0 pages] {summary(body)}"
    )


def test_pagination_arithmetic(api: Api, setup_api: Api) -> None:
    user = setup_api.new_user()
    created = {setup_api.create_task(user, title=f"p{n}")["id"] for n in range(7)}
    rule = "pagination arithmetic: totalPages = ceil(totalItems / pageSize), pages do not overlap"
    seen: list[str] = []
    for number, size in ((1, 3), (2, 3), (3, 3)):
        body = page(api, user, rule, page=number, pageSize=size)
        expected = (number, size, 7, math.ceil(7 / size), min(size, 7 - (number - 1) * size))
        got = (
            body["page"],
            body["pageSize"],
            body["totalItems"],
            body["totalPages"],
            len(body["items"]),
        )
        assert got == expected, (
            f"[rule: {rule}] page={number}&pageSize={size}: expected "
            f"(page, pageSize, totalItems, totalPages, len(items)) = {expected}, got {got}"
        )
        seen += [t["id"] for t in body["items"]]
    assert sorted(seen) == sorted(created), (
        f"[rule: {rule}] the pages hold {seen}, created {created}"
    )
    body = page(api, user, rule, page=4, pageSize=3)
    assert (body["items"], body["page"], body["totalItems"], body["totalPages"]) == ([], 4, 7, 3), (
        f"[rule: a page past the end is 200 with no items] {summary(body)}"
    )
    body = page(api, user, rule, pageSize=100)
    assert (len(body["items"]), body["totalPages"]) == (7, 1), (
        f"[rule: pageSize 100 is allowed] {summary(body)}"
    )


def test_status_filter(api: Api, setup_api: Api) -> None:
    user = setup_api.new_user()
    statuses = ["todo", "doing", "done", "done", "todo", "done"]
    for n, status in enumerate(statuses):
        setup_api.create_task(user, title=f"s{n}", status=status)
    for status in ("todo", "doing", "done"):
        body = page(api, user, "status filters the list", status=status)
        got = [t["status"] for t in body["items"]]
        assert got == [status] * statuses.count(status) and body["totalItems"] == statuses.count(
            status
        ), (
            f"[rule: status={status} lists only {status} tasks, and totalItems counts them] {summary(body)}"
        )


def test_huge_page_number_is_not_a_server_error(api: Api, user: User) -> None:
    # The offset of page 10^12 still fits a 64-bit integer: an empty page. Beyond that a
    # stack may also refuse the number (422), but never fail on it.
    body = page(api, user, "a page past the end is 200 with no items", page=10**12)
    assert body["items"] == [] and body["page"] == 10**12, (
        f"[rule: a page past the end is empty] {summary(body)}"
    )
    for huge in (10**18, 10**30):  # (page - 1) * pageSize overflows a 64-bit OFFSET
        response = api.get(TASKS, user=user, params={"page": huge})
        assert response.status_code in (200, 422), (
            f"[rule: a huge page number is an empty page or a 422, never a 5xx] {describe(response)}"
        )


@pytest.fixture(scope="module")
def sortable(setup_api: Api) -> tuple[User, list[dict]]:
    """A user with tasks created a second apart, in an order unlike any of the sorts."""
    user = setup_api.new_user()
    specs = [
        ("delta", "2027-03-04"),
        ("alpha", "2027-01-09"),
        ("echo", "2027-02-01"),
        ("charlie", "2027-05-30"),
        ("bravo", "2027-04-15"),
    ]
    tasks = []
    for title, due in specs:
        tasks.append(setup_api.create_task(user, title=title, dueDate=due))
        time.sleep(1.05)  # distinct createdAt even where timestamps have whole seconds
    return user, tasks


SORT_KEYS = {
    "createdAt": lambda t: datetime.fromisoformat(t["createdAt"]),
    "dueDate": lambda t: t["dueDate"],
    "title": lambda t: t["title"],
}


@pytest.mark.parametrize(
    "sort", ["createdAt", "-createdAt", "dueDate", "-dueDate", "title", "-title", None]
)
def test_sort(api: Api, sortable: tuple[User, list[dict]], sort: str | None) -> None:
    user, tasks = sortable
    params = {"sort": sort} if sort else {}
    body = page(api, user, f"sort={sort}", **params)
    sort = sort or "-createdAt"
    key = SORT_KEYS[sort.lstrip("-")]
    expected = sorted(tasks, key=key, reverse=sort.startswith("-"))
    got_ids = [t["id"] for t in body["items"]]
    rule = f"sort={sort} orders the list" if params else "the default sort is -createdAt"
    assert got_ids == [t["id"] for t in expected], (
        f"[rule: {rule}] expected titles {[t['title'] for t in expected]}, "
        f"got {[t['title'] for t in body['items']]}"
    )


INVALID_PARAMETERS = [
    ("page", "0"),
    ("page", "-1"),
    ("page", "abc"),
    ("page", "1.5"),
    ("pageSize", "0"),
    ("pageSize", "101"),
    ("pageSize", "many"),
    ("status", "archived"),
    ("status", ""),
    ("sort", "priority"),
    ("sort", "+title"),
    ("sort", "createdat"),
    ("sort", "id"),
]


@pytest.mark.parametrize(
    ("name", "value"), INVALID_PARAMETERS, ids=[f"{n}={v}" for n, v in INVALID_PARAMETERS]
)
def test_invalid_list_parameter_is_422(api: Api, user: User, name: str, value: str) -> None:
    response = api.get(TASKS, user=user, params={name: value})
    expect_validation(response, {name}, f"any other value of {name} is a 422 naming {name}")


def summary(body: dict) -> dict:
    return {
        **{k: v for k, v in body.items() if k != "items"},
        "items": [t.get("title") for t in body["items"]],
    }
