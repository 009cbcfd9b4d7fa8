"""The check of `login-throttling`: 429 after five failures per e-mail, the window, logout.

The server runs with a 15-second window, so the check can wait one out. Each rule uses
e-mails of its own, and the rules are ordered so that a server counting per client IP
(every request here comes from 127.0.0.1) passes the rules before
`one-email-never-throttles-another` and fails exactly that one: `window-passes` waits out
the only throttle an earlier rule leaves behind.
"""

from __future__ import annotations

import re
import time
from typing import Any

from scaffolder.exercise.checking import Check, RuleContext, RuleFailed
from scaffolder.http.client import describe, unique_email
from scaffolder.http.problems import (
    expect_problem,
    expect_status,
    expect_validation,
    expect_www_authenticate,
)

# Long enough for five failed logins and a sixth on a slow machine: each login hashes a
# password on purpose (PBKDF2, bcrypt), which takes 0.3-2 s on a busy laptop or CI runner.
WINDOW_SECONDS = 15
LIMIT = 5
WRONG = "not-the-password"
# How long after the window the check waits before it expects a login to work again:
# stores that keep whole seconds (a cache TTL, a timestamp column) may round up by one.
WINDOW_SLACK = 1.2

check = Check(env={"LOGIN_THROTTLE_WINDOW_SECONDS": str(WINDOW_SECONDS)})

# base URL -> (e-mail, when its first failure was answered): the throttle the first rule
# leaves, which `window-passes` waits out (kept here, whatever the engine does with state).
_throttled: dict[str, tuple[str, float]] = {}


def registered(ctx: RuleContext, prefix: str) -> str:
    """A new account's e-mail (registering is not a login, so it is never throttled)."""
    email = unique_email(prefix)
    response = ctx.api.register(email)
    ctx.expect(response.status_code == 201, f"registering {email}: 201", response)
    return email


def fail(ctx: RuleContext, email: str, times: int, rule: str) -> float:
    """`times` wrong passwords for `email`, each a 401; returns when the first was answered."""
    first = 0.0
    for attempt in range(times):
        response = ctx.api.login(email, WRONG)
        if response.status_code != 401:
            raise RuleFailed(
                f"failed login {attempt + 1} of {times} for {email}: 401 (not yet throttled)",
                response=response,
            )
        expect_problem(response, 401, rule)
        first = first or time.monotonic()
    return first


def expect_throttled(ctx: RuleContext, response: Any, rule: str, since: float) -> None:
    """429 problem+json with Retry-After in whole seconds >= 1."""
    took = time.monotonic() - since
    if response.status_code != 429 and took > WINDOW_SECONDS:
        raise RuleFailed(
            f"429 (but these logins took {took:.0f} s, more than the {WINDOW_SECONDS}-second "
            "window: on a machine this busy a throttle may have expired already)",
            response=response,
        )
    expect_problem(response, 429, rule)
    retry_after = response.headers.get("Retry-After", "")
    ctx.expect(
        re.fullmatch(r"[0-9]+", retry_after) is not None and int(retry_after) >= 1,
        f"a Retry-After header of whole seconds, at least 1 (got {retry_after!r})",
        response,
    )


def logs_in(ctx: RuleContext, email: str, why: str) -> str:
    response = ctx.api.login(email)
    ctx.expect(response.status_code == 200, f"{why}: 200 with a token", response)
    return str(response.json()["accessToken"])


@check.rule("five-failures-then-429")
def five_failures_then_429(ctx: RuleContext) -> None:
    email = registered(ctx, "throttled")
    since = fail(ctx, email, LIMIT, "five-failures-then-429")
    _throttled[ctx.base_url] = (email, since)
    expect_throttled(ctx, ctx.api.login(email), "five-failures-then-429", since)  # right password
    expect_throttled(ctx, ctx.api.login(email, WRONG), "five-failures-then-429", since)


@check.rule("window-passes")
def window_passes(ctx: RuleContext) -> None:
    if ctx.base_url in _throttled:
        email, since = _throttled.pop(ctx.base_url)
    else:  # run alone: throttle an e-mail first
        email = registered(ctx, "window")
        since = fail(ctx, email, LIMIT, "window-passes")
        expect_throttled(ctx, ctx.api.login(email), "window-passes", since)
    time.sleep(max(0.0, since + WINDOW_SECONDS + WINDOW_SLACK - time.monotonic()))
    logs_in(ctx, email, f"login {WINDOW_SECONDS} s after the first failure (the window passed)")


@check.rule("success-resets-the-count")
def success_resets_the_count(ctx: RuleContext) -> None:
    email = registered(ctx, "resets")
    fail(ctx, email, LIMIT - 1, "success-resets-the-count")
    logs_in(ctx, email, f"login after {LIMIT - 1} failures (below the limit)")
    fail(ctx, email, LIMIT - 1, "success-resets-the-count")
    logs_in(ctx, email, f"login after {LIMIT - 1} more failures (the success reset the count)")


@check.rule("one-email-never-throttles-another")
def one_email_never_throttles_another(ctx: RuleContext) -> None:
    attacked, bystander = registered(ctx, "attacked"), registered(ctx, "bystander")
    since = fail(ctx, attacked, LIMIT, "one-email-never-throttles-another")
    # the bystander first, while the window surely holds; then proof that it did
    logs_in(ctx, bystander, f"another e-mail's login, while {attacked} is throttled")
    expect_throttled(ctx, ctx.api.login(attacked), "one-email-never-throttles-another", since)
    fail(ctx, bystander, LIMIT - 1, "one-email-never-throttles-another")
    logs_in(ctx, bystander, f"its own {LIMIT - 1} failures only, then the right password")


@check.rule("unknown-email-counted-alike")
def unknown_email_counted_alike(ctx: RuleContext) -> None:
    nobody = unique_email("nobody")  # never registered
    since = fail(ctx, nobody, LIMIT, "unknown-email-counted-alike")
    expect_throttled(ctx, ctx.api.login(nobody), "unknown-email-counted-alike", since)


@check.rule("only-401-counts")
def only_401_counts(ctx: RuleContext) -> None:
    email = registered(ctx, "invalid")
    for _ in range(LIMIT + 1):
        response = ctx.api.post("/api/v1/auth/login", json={"email": email})
        expect_validation(response, {"password"}, "only-401-counts")
    fail(ctx, email, LIMIT - 1, "only-401-counts")
    logs_in(ctx, email, f"login after {LIMIT + 1} answers 422 and {LIMIT - 1} failures")


@check.rule("email-case-insensitive")
def email_case_insensitive(ctx: RuleContext) -> None:
    email = registered(ctx, "mixedcase")
    local, domain = email.split("@")
    spellings = [email.upper(), local.capitalize() + "@" + domain.upper(), email, email.title()]
    since = time.monotonic()
    for attempt in range(LIMIT):
        spelled = spellings[attempt % len(spellings)]
        response = ctx.api.login(spelled, WRONG)
        ctx.expect(response.status_code == 401, f"failed login for {spelled}: 401", response)
    expect_throttled(ctx, ctx.api.login(email), "email-case-insensitive", since)


@check.rule("logout-revokes-one-token")
def logout_revokes_one_token(ctx: RuleContext) -> None:
    email = registered(ctx, "logout")
    first = logs_in(ctx, email, "first login")
    second = logs_in(ctx, email, "second login, within the same second")
    ctx.expect(first != second, "two logins give two different tokens", None)
    for token in (first, second):
        expect_status(ctx.api.get("/api/v1/tasks", token=token), 200, "logout-revokes-one-token")
    response = ctx.api.post("/api/v1/auth/logout")
    expect_problem(response, 401, "logout-revokes-one-token")  # a protected route
    response = ctx.api.post("/api/v1/auth/logout", token=first)
    ctx.expect(response.status_code == 204 and not response.content, "204, no body", response)
    for path in ("/api/v1/tasks", "/api/v1/auth/me"):
        response = ctx.api.get(path, token=first)
        if response.status_code != 401:
            raise RuleFailed(f"the logged-out token is 401 on {path}", response=response)
        expect_problem(response, 401, "logout-revokes-one-token")
        expect_www_authenticate(response, "logout-revokes-one-token")
    response = ctx.api.post("/api/v1/auth/logout", token=first)
    expect_problem(response, 401, "logout-revokes-one-token")  # already revoked
    response = ctx.api.get("/api/v1/tasks", token=second)
    if response.status_code != 200:
        raise RuleFailed(
            "the same user's other token keeps working (200)",
            describe(response),
            response,
        )
    logs_in(ctx, email, "a new login after logout")
