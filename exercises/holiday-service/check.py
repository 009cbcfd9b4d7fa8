"""The check of `holiday-service`: tasks' `holiday`, from a stub of the Nager.Date API.

The setup starts the stub (upstream.py) and points the server at it with HOLIDAYS_API_URL;
HOLIDAYS_COUNTRY keeps its default. The server caches per (year, country) for as long as it
runs, and every rule shares that one server, so each rule uses years of its own: what it
counts or breaks starts fresh.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import upstream  # the stub beside this file (the engine puts this folder on the path)

from scaffolder.exercise.checking import Check, RuleContext, RuleFailed, SetupContext
from scaffolder.http.client import User, describe
from scaffolder.http.problems import expect_status

check = Check()

# The API must answer within 3 s whatever the upstream does (it may wait 2 s for it).
ANSWER_WITHIN = 3.0
INDEPENDENCE_DAY = {"name": "Independence Day", "localName": "Fourth of July"}
COLUMBUS_DAY = {"name": "Columbus Day", "localName": "Columbus Day"}

# One set of years per rule (see the module's docstring).
YEAR_HOLIDAY, YEAR_NULL, YEAR_NATIONAL, YEAR_REGIONAL = 2031, 2032, 2033, 2034
YEARS_CACHED = (2035, 2036)
YEAR_NOT_CACHED = 2037
YEARS_BROKEN = {2038: "500", 2039: "garbage", 2040: "wrong-shape", 2041: "404"}
YEARS_SLOW = (2042, 2043, 2044)


@check.setup
def stub_upstream(ctx: SetupContext) -> Iterator[dict[str, str]]:
    with upstream.StubUpstream() as stub:
        ctx.state["stub"] = stub
        yield {"HOLIDAYS_API_URL": stub.url}


def stub_of(ctx: RuleContext) -> upstream.StubUpstream:
    stub = ctx.state.get("stub")
    if stub is None:
        raise RuleFailed("the stub upstream running (the check's setup did not run)")
    return stub


def timed(ctx: RuleContext, method: str, path: str, user: User, **kwargs: Any) -> Any:
    """A request that must be answered 2xx within ANSWER_WITHIN seconds, never 5xx."""
    started = time.monotonic()
    response = ctx.api.request(method, path, user=user, **kwargs)
    took = time.monotonic() - started
    ctx.expect(
        response.status_code < 500,
        "never a 5xx because of the upstream (holiday: null instead)",
        response,
    )
    if took > ANSWER_WITHIN:
        raise RuleFailed(
            f"an answer within {ANSWER_WITHIN:g} s (at most 2 s waiting on the upstream in total)",
            f"{took:.1f} s; {describe(response)}",
            response,
        )
    return response


def task_due(ctx: RuleContext, user: User, due: str | None) -> dict[str, Any]:
    response = timed(
        ctx, "POST", "/api/v1/tasks", user, json={"title": f"Due {due}", "dueDate": due}
    )
    return dict(expect_status(response, 201, "POST /api/v1/tasks"))


def expect_holiday(ctx: RuleContext, task: dict[str, Any], expected: Any, response: Any) -> None:
    if "holiday" not in task:
        raise RuleFailed("every task has a `holiday` member (an object or null)", response=response)
    if task["holiday"] != expected:
        raise RuleFailed(
            f"the task due {task.get('dueDate')} with holiday {expected!r}",
            f"holiday {task['holiday']!r}; {describe(response)}",
            response,
        )


def expect_holiday_everywhere(ctx: RuleContext, user: User, due: str | None, expected: Any) -> None:
    """POST, GET by id, the list and a PATCH all show the same holiday."""
    response = timed(ctx, "POST", "/api/v1/tasks", user, json={"title": "Holiday?", "dueDate": due})
    created = expect_status(response, 201, "POST /api/v1/tasks")
    expect_holiday(ctx, created, expected, response)
    response = timed(ctx, "GET", f"/api/v1/tasks/{created['id']}", user)
    expect_holiday(ctx, expect_status(response, 200, "GET /api/v1/tasks/{id}"), expected, response)
    response = timed(ctx, "GET", "/api/v1/tasks?pageSize=100", user)
    listed = expect_status(response, 200, "GET /api/v1/tasks")["items"]
    match = [t for t in listed if t.get("id") == created["id"]]
    ctx.expect(len(match) == 1, "the task in the list", response)
    expect_holiday(ctx, match[0], expected, response)
    response = timed(ctx, "PATCH", f"/api/v1/tasks/{created['id']}", user, json={"status": "doing"})
    expect_holiday(
        ctx, expect_status(response, 200, "PATCH /api/v1/tasks/{id}"), expected, response
    )


@check.rule("holiday-on-a-holiday")
def holiday_on_a_holiday(ctx: RuleContext) -> None:
    stub = stub_of(ctx)
    user = ctx.api.new_user()
    expect_holiday_everywhere(ctx, user, f"{YEAR_HOLIDAY}-07-04", INDEPENDENCE_DAY)
    ctx.expect(
        stub.countries() == {"US"},
        f"the upstream asked for US, HOLIDAYS_COUNTRY's default (asked: {stub.countries()})",
        None,
    )
    # a task moved onto a holiday shows it at once
    task = task_due(ctx, user, f"{YEAR_HOLIDAY}-07-05")
    response = timed(
        ctx, "PATCH", f"/api/v1/tasks/{task['id']}", user, json={"dueDate": f"{YEAR_HOLIDAY}-12-25"}
    )
    moved = expect_status(response, 200, "PATCH /api/v1/tasks/{id}")
    expect_holiday(ctx, moved, {"name": "Christmas Day", "localName": "Christmas Day"}, response)


@check.rule("null-otherwise")
def null_otherwise(ctx: RuleContext) -> None:
    user = ctx.api.new_user()
    expect_holiday_everywhere(ctx, user, f"{YEAR_NULL}-07-05", None)
    expect_holiday_everywhere(ctx, user, None, None)  # no due date


@check.rule("national-entry-wins")
def national_entry_wins(ctx: RuleContext) -> None:
    user = ctx.api.new_user()
    # 10-12 has a regional entry first, then two national ones: the first national one wins
    expect_holiday_everywhere(ctx, user, f"{YEAR_NATIONAL}-10-12", COLUMBUS_DAY)


@check.rule("regional-only-is-not")
def regional_only_is_not(ctx: RuleContext) -> None:
    user = ctx.api.new_user()
    # 03-17 is a holiday in one state only
    expect_holiday_everywhere(ctx, user, f"{YEAR_REGIONAL}-03-17", None)


@check.rule("cached-per-year-and-country")
def cached_per_year_and_country(ctx: RuleContext) -> None:
    stub = stub_of(ctx)
    user = ctx.api.new_user()
    for year in YEARS_CACHED:
        for day in ("07-04", "07-05", "12-25", "01-01"):
            task = task_due(ctx, user, f"{year}-{day}")
            timed(ctx, "GET", f"/api/v1/tasks/{task['id']}", user)
    for _ in range(3):
        timed(ctx, "GET", "/api/v1/tasks?pageSize=100", user)
    calls = {year: stub.calls_for(year) for year in YEARS_CACHED}
    if any(n != 1 for n in calls.values()):
        raise RuleFailed(
            "one upstream call per (year, country) for 8 tasks, their GETs and 3 lists",
            f"upstream calls per year: {calls}",
        )


@check.rule("failures-not-cached")
def failures_not_cached(ctx: RuleContext) -> None:
    stub = stub_of(ctx)
    user = ctx.api.new_user()
    stub.set_mode(YEAR_NOT_CACHED, "500")
    response = timed(
        ctx,
        "POST",
        "/api/v1/tasks",
        user,
        json={"title": "x", "dueDate": f"{YEAR_NOT_CACHED}-07-04"},
    )
    task = expect_status(response, 201, "POST /api/v1/tasks")
    expect_holiday(ctx, task, None, response)  # the upstream failed
    stub.set_mode(YEAR_NOT_CACHED, "ok")
    response = timed(ctx, "GET", f"/api/v1/tasks/{task['id']}", user)
    body = expect_status(response, 200, "GET /api/v1/tasks/{id}")
    if body.get("holiday") != INDEPENDENCE_DAY:
        raise RuleFailed(
            "once the upstream answers again, the holiday (the failure was not cached)",
            f"holiday {body.get('holiday')!r} after {stub.calls_for(YEAR_NOT_CACHED)} upstream "
            f"call(s); {describe(response)}",
            response,
        )
    before = stub.calls_for(YEAR_NOT_CACHED)
    timed(ctx, "GET", f"/api/v1/tasks/{task['id']}", user)
    ctx.expect(
        stub.calls_for(YEAR_NOT_CACHED) == before,
        "the successful answer cached: no further upstream call",
        None,
    )


@check.rule("upstream-errors-give-null")
def upstream_errors_give_null(ctx: RuleContext) -> None:
    stub = stub_of(ctx)
    user = ctx.api.new_user()
    for year, mode in YEARS_BROKEN.items():
        stub.set_mode(year, mode)
        response = timed(
            ctx, "POST", "/api/v1/tasks", user, json={"title": mode, "dueDate": f"{year}-07-04"}
        )
        task = expect_status(response, 201, f"POST /api/v1/tasks (upstream: {mode})")
        expect_holiday(ctx, task, None, response)
        response = timed(ctx, "GET", f"/api/v1/tasks/{task['id']}", user)
        got = expect_status(response, 200, f"GET /api/v1/tasks/{{id}} (upstream: {mode})")
        expect_holiday(ctx, got, None, response)


@check.rule("slow-upstream-gives-null-within-3s")
def slow_upstream_gives_null_within_3s(ctx: RuleContext) -> None:
    stub = stub_of(ctx)
    user = ctx.api.new_user()
    # Created while the upstream fails fast (failures are not cached), then made slow: the
    # list spans three slow years, and 2 s is the budget of the whole request.
    for year in YEARS_SLOW:
        stub.set_mode(year, "500")
        task_due(ctx, user, f"{year}-07-04")
        stub.set_mode(year, "slow")
    response = timed(ctx, "GET", "/api/v1/tasks?pageSize=100", user)
    items = expect_status(response, 200, "GET /api/v1/tasks")["items"]
    ctx.expect(len(items) == len(YEARS_SLOW), f"the {len(YEARS_SLOW)} tasks", response)
    for task in items:
        expect_holiday(ctx, task, None, response)
