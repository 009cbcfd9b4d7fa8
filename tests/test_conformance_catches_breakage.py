"""The conformance suite fails, naming the rule, when a server breaks a rule of Tasks API v1.

The server under test is tests/conformance/reference_server.py, a small in-memory
implementation of docs/tasks-api-v1.md written for these tests: unbroken, the whole suite must
pass against it (no false alarms); started with `--break <rule>`, the suite, narrowed
with -k to the tests of that rule, must fail and its output must name the rule.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conformance.reference_server import BREAKS
from tests.harness.server import ServerFailed, serve

ROOT = Path(__file__).resolve().parents[1]

# break -> (-k expression selecting the tests of the rule, text of the rule the failure must show)
CASES = {
    "no-request-id": ("x_request_id", "[rule: X-Request-Id is echoed from the request]"),
    "html-404": (
        "unknown_route",
        "[rule: an unknown route is a 404 problem+json] errors are application/problem+json",
    ),
    "problem-as-json": ("malformed_json", "errors are application/problem+json"),
    "no-www-authenticate": ("token_required", "carries `WWW-Authenticate: Bearer`"),
    "no-location": (
        "create_task_is_201",
        "[rule: POST /tasks answers Location: /api/v1/tasks/{id}]",
    ),
    "no-cors": ("cors", "[rule: CORS allows the default origin http://localhost:3000]"),
    "cors-any-origin": ("cors", "[rule: CORS allows only the configured origins]"),
    "case-sensitive-email": (
        "login_email_is_case_insensitive",
        "[rule: e-mail comparison is case-insensitive",
    ),
    "duplicate-email": (
        "register_taken_email",
        "[rule: register with a taken e-mail is a 409 problem+json]",
    ),
    "no-owner-scoping": (
        "another_users_task",
        "[rule: a task of another user is a 404 (never a 403)]",
    ),
    "owner-403": (
        "another_users_task",
        "[rule: a task of another user is a 404 (never a 403)] expected 404",
    ),
    "malformed-id-500": (
        "malformed_or_unknown_id",
        "[rule: an unknown or malformed id is a 404 problem+json (never a 500)]",
    ),
    "total-pages-floor": (
        "pagination_arithmetic",
        "[rule: pagination arithmetic: totalPages = ceil(totalItems / pageSize)",
    ),
    "sort-title-ignored": ("test_sort", "[rule: sort=title orders the list]"),
    "status-filter-ignored": ("status_filter", "lists only todo tasks"),
    "page-size-unbounded": (
        "invalid_list_parameter",
        "[rule: any other value of pageSize is a 422 naming pageSize]",
    ),
    "id-writable": ("read_only_fields", "[rule: id, createdAt, updatedAt cannot be written]"),
    "unknown-field-echoed": ("unknown_fields", "[rule: unknown body fields are ignored]"),
    "no-trim": ("title_is_trimmed", "[rule: title is trimmed]"),
    "first-error-only": (
        "each_failing_field",
        "[rule: a 422 has one errors entry per failing field",
    ),
    "405-as-404": (
        "wrong_method",
        "[rule: a method not allowed on a known route is a 405 problem+json]",
    ),
    "any-media-type": (
        "wrong_media_type",
        "[rule: a body that is not application/json is a 415 problem+json]",
    ),
    "malformed-json-500": (
        "malformed_json",
        "[rule: a body that is not valid JSON is a 400 problem+json]",
    ),
    "non-ascii-title-500": (
        "generated_requests_conform and POST and tasks",
        "[rule: generated requests (property-based, from docs/openapi.yaml) get no 5xx",
    ),
    "snake-case": ("get_task_answers_the_task", "[rule: every response matches docs/openapi.yaml]"),
    "modified-openapi": (
        "openapi_yaml",
        "[rule: GET /openapi.yaml is byte-identical to templates/_shared/openapi.yaml]",
    ),
    # The decided gaps of docs/tasks-api-v1.md (tests/conformance/test_decided_gaps.py).
    "password-over-72-bytes": (
        "password_over_72_bytes or password_of_72_bytes",
        "[rule: a password over 72 bytes (UTF-8) is a 422 on password]",
    ),
    "login-401-bare": (
        "every_login_401",
        "[rule: every 401 carries WWW-Authenticate: Bearer, the login's too]",
    ),
    "blank-description-kept": (
        "blank_description",
        "[rule: a description of '' is stored and returned as null (create)]",
    ),
    "head-unauthenticated": (
        "head_on_a_protected_route",
        "[rule: HEAD on a protected route is authenticated like GET (401 without a token)]",
    ),
    "register-race-500": (
        "concurrent_registrations",
        "[rule: 8 concurrent registrations of one new e-mail: exactly one 201, the others 409",
    ),
    "due-date-nulls-first": (
        "due_date_sorts",
        "[rule: sort=-dueDate: tasks without a dueDate come last in both directions]",
    ),
    "title-case-insensitive": (
        "title_sorts_compare_code_points",
        "[rule: sort=title compares Unicode code points, case-sensitive",
    ),
}


UNBROKEN = ""
WORKERS = 4  # each run is a reference server plus a pytest process, mostly waiting on each other


def run_suite_against_reference(broken: str) -> subprocess.CompletedProcess[str]:
    """Start the reference server (broken that way, or not at all) and run the suite against it."""
    server = [sys.executable, "-m", "tests.conformance.reference_server"] + (
        ["--break", broken] if broken else []
    )
    selection = ["-k", CASES[broken][0]] if broken else []
    # Several runs pick free ports at once: two can be handed the same one before either
    # binds it. The loser starts again on another port.
    for attempt in range(3):
        try:
            with serve(
                f"reference-server[{broken or 'unbroken'}]", ROOT, command=server, health_timeout=60
            ) as url:
                return subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "pytest",
                        "tests/conformance",
                        "--base-url",
                        url,
                        "-q",
                        "--tb=short",
                        "-p",
                        "no:cacheprovider",
                        "-p",
                        "no:schemathesis",
                        *selection,
                    ],
                    cwd=ROOT,
                    text=True,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    check=False,
                    timeout=600,
                )
        except ServerFailed as exc:
            if "Address already in use" not in str(exc) or attempt == 2:
                raise
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def outcomes() -> dict[str, subprocess.CompletedProcess[str]]:
    """Every run at once (the unbroken one first: it is the longest), a few in parallel."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {
            name: pool.submit(run_suite_against_reference, name) for name in [UNBROKEN, *CASES]
        }
        return {name: future.result() for name, future in futures.items()}


def test_every_break_has_a_case() -> None:
    assert set(CASES) == set(BREAKS)


def test_the_suite_passes_against_a_conformant_server(outcomes: dict) -> None:
    result = outcomes[UNBROKEN]
    assert result.returncode == 0, (
        f"the suite fails against the unbroken reference server:\n{result.stdout[-8000:]}"
    )
    assert " passed" in result.stdout and " failed" not in result.stdout
    assert "generated requests sent over 11 operations" in result.stdout


@pytest.mark.parametrize("broken", CASES)
def test_the_suite_fails_naming_the_rule(outcomes: dict, broken: str) -> None:
    rule = CASES[broken][1]
    result = outcomes[broken]
    output = result.stdout
    assert result.returncode == 1, (
        f"the suite should fail (exit 1) against a server where {BREAKS[broken]}; "
        f"exit {result.returncode}:\n{output[-6000:]}"
    )
    assert "FAILED tests/conformance/" in output, output[-6000:]
    assert " error" not in output.splitlines()[-1], (
        f"tests errored instead of failing:\n{output[-6000:]}"
    )
    assert rule in output, f"the failure does not name the rule {rule!r}:\n{output[-6000:]}"
