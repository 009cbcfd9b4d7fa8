"""The 'Decided gaps' of docs/tasks-api-v1.md: questions the first contract left open,
answered once for every stack (password bytes, 401 headers, empty descriptions, HEAD,
concurrent registrations, null and case order of the sorts)."""

from __future__ import annotations

import threading

import pytest
import requests

from .client import Api, User, describe, unique_email
from .rules import expect_problem, expect_status, expect_validation, expect_www_authenticate

TASKS = "/api/v1/tasks"

# 72 bytes in UTF-8 but 36 characters: a limit counted in characters lets 73+ bytes through.
PASSWORD_72_BYTES = "ü" * 36
OVER_72_BYTES = {
    "73-ascii-bytes": "p" * 73,
    "74-bytes-in-37-characters": "ü" * 37,
}


@pytest.mark.parametrize("password", OVER_72_BYTES.values(), ids=OVER_72_BYTES)
def test_register_password_over_72_bytes_is_422(api: Api, password: str) -> None:
    expect_validation(
        api.register(password=password),
        {"password"},
        "a password over 72 bytes (UTF-8) is a 422 on password",
    )


def test_password_of_72_bytes_logs_in_and_only_with_every_byte(api: Api) -> None:
    email = unique_email()
    rule = "a password of 72 bytes (UTF-8) is accepted"
    expect_status(api.register(email, password=PASSWORD_72_BYTES), 201, rule)
    expect_status(api.login(email, PASSWORD_72_BYTES), 200, "login with that password -> 200")
    longer = api.login(email, PASSWORD_72_BYTES + "x")
    rule = "a login with a password that differs only after byte 72 fails (401)"
    expect_problem(longer, 401, rule)
    expect_www_authenticate(longer, rule)


def test_every_login_401_carries_www_authenticate(api: Api) -> None:
    email = unique_email()
    expect_status(api.register(email), 201, "register -> 201")
    rule = "every 401 carries WWW-Authenticate: Bearer, the login's too"
    for response in (api.login(email, "wrong-password"), api.login(unique_email())):
        expect_problem(response, 401, rule)
        expect_www_authenticate(response, rule)


BLANK_DESCRIPTIONS = {"empty": "", "spaces": "   "}


@pytest.mark.parametrize("description", BLANK_DESCRIPTIONS.values(), ids=BLANK_DESCRIPTIONS)
def test_blank_description_is_null_on_create(api: Api, user: User, description: str) -> None:
    rule = f"a description of {description!r} is stored and returned as null (create)"
    created = expect_status(
        api.post(TASKS, user=user, json={"title": "t", "description": description}), 201, rule
    )
    assert created["description"] is None, f"[rule: {rule}] created {created}"
    read = expect_status(api.get(f"{TASKS}/{created['id']}", user=user), 200, rule)
    assert read["description"] is None, f"[rule: {rule}] read back {read}"


@pytest.mark.parametrize("description", BLANK_DESCRIPTIONS.values(), ids=BLANK_DESCRIPTIONS)
def test_blank_description_is_null_on_patch(api: Api, user: User, description: str) -> None:
    rule = f"a description of {description!r} is stored and returned as null (patch)"
    task = api.create_task(user, description="something")
    patched = expect_status(
        api.patch(f"{TASKS}/{task['id']}", user=user, json={"description": description}), 200, rule
    )
    assert patched["description"] is None, f"[rule: {rule}] patched {patched}"
    read = expect_status(api.get(f"{TASKS}/{task['id']}", user=user), 200, rule)
    assert read["description"] is None, f"[rule: {rule}] read back {read}"


HEAD_ROUTES = ["/api/v1/auth/me", TASKS, f"{TASKS}/{{id}}"]


@pytest.mark.parametrize("path", HEAD_ROUTES)
def test_head_on_a_protected_route_needs_a_token(
    api: Api, user: User, setup_api: Api, path: str
) -> None:
    task = setup_api.create_task(user)
    response = api.request("HEAD", path.format(id=task["id"]))
    rule = "HEAD on a protected route is authenticated like GET (401 without a token)"
    assert response.status_code == 401, f"[rule: {rule}] {describe(response)}"
    expect_www_authenticate(response, rule)


RACERS = 8


def test_concurrent_registrations_of_one_email_are_one_201_and_409s(api: Api) -> None:
    email = unique_email("race")
    start = threading.Barrier(RACERS)
    responses: list[requests.Response | BaseException] = [None] * RACERS  # type: ignore[list-item]

    def register(slot: int) -> None:
        racer = Api(api.base_url, api.contract)  # a session each: requests' is not thread-safe
        try:
            start.wait(timeout=30)
            responses[slot] = racer.register(email)
        except BaseException as exc:  # noqa: BLE001 - reported below, with the others
            responses[slot] = exc

    threads = [threading.Thread(target=register, args=(n,)) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    failed = [r for r in responses if not isinstance(r, requests.Response)]
    assert not failed, f"[rule: concurrent registrations get answers] {failed}"
    api.received.extend(responses)  # checked against the document after the test, too
    statuses = sorted(r.status_code for r in responses)
    rule = (
        f"{RACERS} concurrent registrations of one new e-mail: exactly one 201, "
        f"the others 409, never a 500"
    )
    assert statuses == [201] + [409] * (RACERS - 1), (
        f"[rule: {rule}] got statuses {statuses}; "
        + "; ".join(describe(r) for r in responses if r.status_code not in (201, 409))
    )
    for response in responses:
        if response.status_code == 409:
            expect_problem(response, 409, rule)


@pytest.fixture(scope="module")
def sorted_edge_cases(setup_api: Api) -> tuple[User, list[dict]]:
    """A user whose tasks have null due dates and titles whose case and accents matter."""
    user = setup_api.new_user()
    specs = [
        ("banana", "2027-03-01"),
        ("Cherry", None),
        ("apple", "2027-01-15"),
        ("Zebra", "2027-02-10"),
        ("éclair", None),
        ("Banana", "2027-04-20"),
        ("_under", None),
        ("10 items", "2027-01-01"),
        ("9 items", None),
    ]
    return user, [setup_api.create_task(user, title=t, dueDate=d) for t, d in specs]


def listed(api: Api, user: User, sort: str) -> list[dict]:
    body = expect_status(
        api.get(TASKS, user=user, params={"sort": sort, "pageSize": 100}), 200, f"sort={sort}"
    )
    return body["items"]


@pytest.mark.parametrize("sort", ["dueDate", "-dueDate"])
def test_due_date_sorts_put_tasks_without_one_last(
    api: Api, sorted_edge_cases: tuple[User, list[dict]], sort: str
) -> None:
    user, tasks = sorted_edge_cases
    items = listed(api, user, sort)
    dated = sorted(
        (t for t in tasks if t["dueDate"]), key=lambda t: t["dueDate"], reverse=sort[0] == "-"
    )
    undated = {t["id"] for t in tasks if t["dueDate"] is None}
    got = [(t["title"], t["dueDate"]) for t in items]
    rule = f"sort={sort}: tasks without a dueDate come last in both directions"
    assert [t["id"] for t in items[: len(dated)]] == [t["id"] for t in dated], (
        f"[rule: {rule}] expected {[(t['title'], t['dueDate']) for t in dated]} first, got {got}"
    )
    assert {t["id"] for t in items[len(dated) :]} == undated, f"[rule: {rule}] got {got}"


@pytest.mark.parametrize("sort", ["title", "-title"])
def test_title_sorts_compare_code_points(
    api: Api, sorted_edge_cases: tuple[User, list[dict]], sort: str
) -> None:
    user, tasks = sorted_edge_cases
    # Python orders strings by code point: "10 items" < "9 items" < "Banana" < "_under" < "apple".
    expected = sorted((t["title"] for t in tasks), reverse=sort[0] == "-")
    got = [t["title"] for t in listed(api, user, sort)]
    rule = f"sort={sort} compares Unicode code points, case-sensitive (no locale collation)"
    assert got == expected, f"[rule: {rule}] expected {expected}, got {got}"
