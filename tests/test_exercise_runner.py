"""The check engine (scaffolder.exercise.runner, report) with toy checks against an
in-process HTTP server and a launcher that records what it was asked: no stack, fast."""

from __future__ import annotations

import contextlib
import json
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scaffolder.exercise.checking import CannotRun, Check, RuleContext, RuleFailed, SetupContext
from scaffolder.exercise.launch import Database, Progress
from scaffolder.exercise.report import json_report, text_report
from scaffolder.exercise.runner import CheckTarget, RuleResult, run_check
from scaffolder.http.problems import expect_status

ROOT = Path(__file__).resolve().parents[1]


class Handler(BaseHTTPRequestHandler):
    """GET /health and /items answer 200 JSON; POST /items echoes its body with 201."""

    def do_GET(self) -> None:
        self._answer(200 if self.path in ("/health", "/items") else 404, b'{"items": []}')

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._answer(201, body)

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@dataclass
class RecordingLauncher:
    """A Launcher whose 'server' is the in-process one; it records every call."""

    url: str
    events: list[str] = field(default_factory=list)
    served_env: list[dict[str, str]] = field(default_factory=list)
    database_fails: str | None = None

    @contextlib.contextmanager
    def database(self) -> Iterator[Database]:
        if self.database_fails:
            raise CannotRun(self.database_fails)
        self.events.append("database")
        try:
            yield Database("toy database", {"DATABASE_URL": "toy://db"})
        finally:
            self.events.append("database dropped")

    @contextlib.contextmanager
    def serve(
        self, source: Path, database: Database, env: Mapping[str, str], progress: Progress
    ) -> Iterator[str]:
        self.events.append(f"serve {source.name} on {database.label}")
        self.served_env.append(dict(env))
        try:
            yield self.url
        finally:
            self.events.append("server stopped")


def toy_check() -> Check:
    check = Check(env={"WINDOW_SECONDS": "3"})

    @check.rule("lists-items")
    def lists_items(ctx: RuleContext) -> None:
        response = ctx.api.get("/items")
        ctx.expect(response.status_code == 200, "200 and the items", response)

    @check.rule("creates-item")
    def creates_item(ctx: RuleContext) -> None:
        response = ctx.api.post(
            "/items", json={"name": "Pen"}, headers={"Authorization": "Bearer t0k"}
        )
        ctx.expect(response.status_code == 200, "200 with the new item", response)

    @check.rule("missing-is-404")
    def missing(ctx: RuleContext) -> None:
        expect_status(ctx.api.get("/nothing"), 410, "gone is 410")

    @check.rule("crashes")
    def crashes(ctx: RuleContext) -> None:
        ctx.api.get("/items")
        raise KeyError("total")

    return check


HINTS = {"creates-item": "answer 200, not 201", "lists-items": "never shown: it passes"}


def test_each_rule_is_reported_pass_or_fail_in_order(server_url: str, tmp_path: Path) -> None:
    launcher = RecordingLauncher(server_url)
    seen: list[RuleResult] = []
    run = run_check(
        [CheckTarget("toy", toy_check(), HINTS, None)],
        project=tmp_path,
        stack="toy-stack",
        launcher=launcher,
        on_result=seen.append,
    )
    assert run.could_not_run is None
    assert run.exit_code == 1
    results = {r.rule: r for r in run.results}
    assert [r.rule for r in run.results] == [
        "lists-items",
        "creates-item",
        "missing-is-404",
        "crashes",
    ]
    assert seen == run.results
    assert results["lists-items"].passed and results["lists-items"].hint is None
    created = results["creates-item"]
    assert not created.passed
    assert created.expected == "200 with the new item"
    assert created.got.startswith("201 (application/json)") and '"Pen"' in created.got
    assert created.hint == "answer 200, not 201"
    missing = results["missing-is-404"]
    assert (
        not missing.passed and missing.expected == "status 410" and missing.got.startswith("404")
    )
    crashed = results["crashes"]
    assert not crashed.passed and crashed.got == "the check crashed: KeyError: 'total'"
    assert launcher.events == [
        "database",
        f"serve {tmp_path.name} on toy database",
        "server stopped",
        "database dropped",
    ]


def test_the_curl_line_is_the_last_request_with_its_headers_and_body(
    server_url: str, tmp_path: Path
) -> None:
    run = run_check(
        [CheckTarget("toy", toy_check(), HINTS, None)],
        project=tmp_path,
        stack="toy-stack",
        launcher=RecordingLauncher(server_url),
    )
    curl = {r.rule: r.curl for r in run.results}
    words = shlex.split(curl["creates-item"] or "")
    assert words[:5] == ["curl", "-i", "-X", "POST", f"{server_url}/items"]
    assert "Authorization: Bearer t0k" in words and "Content-Type: application/json" in words
    assert json.loads(words[words.index("--data-raw") + 1]) == {"name": "Pen"}
    assert shlex.split(curl["lists-items"] or "") == [
        "curl",
        "-i",
        "-X",
        "GET",
        f"{server_url}/items",
    ]


def test_setups_run_in_order_and_their_env_reaches_the_one_server_start(
    server_url: str, tmp_path: Path
) -> None:
    launcher = RecordingLauncher(server_url)
    first, second = Check(env={"A": "1"}), Check(env={"B": "2"})
    seen_contexts: list[SetupContext] = []

    @first.setup
    def stub(ctx: SetupContext) -> Iterator[dict[str, str]]:
        seen_contexts.append(ctx)
        ctx.state["stub"] = "ready"
        launcher.events.append("stub up")
        yield {"UPSTREAM_URL": "http://stub"}
        launcher.events.append("stub down")

    @first.rule("sees-the-setup-state")
    def sees_state(ctx: RuleContext) -> None:
        ctx.expect(ctx.state.get("stub") == "ready", "the setup's state")
        ctx.expect(ctx.env["UPSTREAM_URL"] == "http://stub", "the setup's env")

    @second.rule("second-exercise")
    def second_rule(ctx: RuleContext) -> None:
        ctx.expect(ctx.env == {"A": "1", "B": "2", "UPSTREAM_URL": "http://stub"}, "all env")

    run = run_check(
        [CheckTarget("one", first, {}, "abc123"), CheckTarget("two", second, {}, None)],
        project=tmp_path,
        stack="toy-stack",
        launcher=launcher,
    )
    assert run.exit_code == 0, text_report(run)
    assert [e.exercise_id for e in run.exercises] == ["one", "two"]
    assert launcher.served_env == [{"A": "1", "B": "2", "UPSTREAM_URL": "http://stub"}]
    assert launcher.events == [
        "database",
        "stub up",
        f"serve {tmp_path.name} on toy database",
        "server stopped",
        "stub down",
        "database dropped",
    ]
    (ctx,) = seen_contexts
    assert ctx.launcher is launcher and ctx.database is not None
    assert ctx.start_commit == "abc123" and ctx.project == tmp_path and ctx.stack == "toy-stack"


def test_cannot_run_anywhere_is_exit_2_with_its_reason(server_url: str, tmp_path: Path) -> None:
    down = RecordingLauncher(server_url, database_fails="no PostgreSQL on localhost:5432")
    run = run_check(
        [CheckTarget("toy", toy_check(), {}, None)], project=tmp_path, stack="s", launcher=down
    )
    assert (run.exit_code, run.could_not_run) == (2, "no PostgreSQL on localhost:5432")
    assert run.results == [] and down.events == []

    check = Check()

    @check.rule("needs-more")
    def needs_more(ctx: RuleContext) -> None:
        raise CannotRun("the stub upstream is gone")

    launcher = RecordingLauncher(server_url)
    run = run_check(
        [CheckTarget("toy", check, {}, None)], project=tmp_path, stack="s", launcher=launcher
    )
    assert (run.exit_code, run.could_not_run) == (2, "the stub upstream is gone")
    assert launcher.events[-2:] == ["server stopped", "database dropped"]


def test_a_setup_that_crashes_is_exit_2_naming_it(server_url: str, tmp_path: Path) -> None:
    check = toy_check()

    @check.setup
    def upstream(ctx: SetupContext) -> Iterator[dict[str, str]]:
        raise OSError("port in use")
        yield {}

    launcher = RecordingLauncher(server_url)
    run = run_check(
        [CheckTarget("toy", check, {}, None)], project=tmp_path, stack="s", launcher=launcher
    )
    assert run.exit_code == 2
    assert run.could_not_run == "toy: its set-up `upstream` failed: OSError: port in use"
    assert launcher.events == ["database", "database dropped"]


def test_two_checks_wanting_different_env_cannot_share_a_server(tmp_path: Path) -> None:
    run = run_check(
        [
            CheckTarget("a", Check(env={"X": "1"}), {}, None),
            CheckTarget("b", Check(env={"X": "2"}), {}, None),
        ],
        project=tmp_path,
        stack="s",
        launcher=None,
        base_url="http://127.0.0.1:9",
    )
    assert run.exit_code == 2 and "a and b need different X" in (run.could_not_run or "")


def test_with_a_base_url_no_launcher_and_the_env_is_told(server_url: str) -> None:
    check = toy_check()
    contexts: list[SetupContext] = []

    @check.setup
    def look(ctx: SetupContext) -> Iterator[None]:
        contexts.append(ctx)
        yield None

    said: list[str] = []
    run = run_check(
        [CheckTarget("toy", check, HINTS, None)],
        project=None,
        stack=None,
        launcher=None,
        base_url=server_url,
        progress=said.append,
    )
    assert run.exit_code == 1 and run.base_url == server_url
    assert contexts[0].launcher is None and contexts[0].database is None
    assert run.server_env == {"WINDOW_SECONDS": "3"}
    assert said == ["Your server must run with: WINDOW_SECONDS=3"]
    assert "(the check expects your server to run with WINDOW_SECONDS=3)" in text_report(run)


def test_a_setup_needing_a_launcher_says_so_with_a_base_url(server_url: str) -> None:
    check = Check()

    @check.setup
    def start_commit(ctx: SetupContext) -> Iterator[None]:
        if ctx.launcher is None:
            raise CannotRun("this check starts your old commit's server itself: drop --base-url")
        yield None

    run = run_check(
        [CheckTarget("m", check, {}, None)],
        project=None,
        stack=None,
        launcher=None,
        base_url=server_url,
    )
    assert run.exit_code == 2 and "drop --base-url" in (run.could_not_run or "")


def test_a_server_that_does_not_answer_fails_the_rule_in_one_sentence() -> None:
    run = run_check(
        [CheckTarget("toy", toy_check(), {}, None)],
        project=None,
        stack=None,
        launcher=None,
        base_url="http://127.0.0.1:9",
    )  # discard port: refused
    assert run.exit_code == 1
    first = run.results[0]
    assert first.expected == "an answer from the server" and first.got.startswith("no answer:")


def test_text_report_shows_each_rule_and_a_verdict(server_url: str, tmp_path: Path) -> None:
    run = run_check(
        [CheckTarget("toy", toy_check(), HINTS, None)],
        project=tmp_path,
        stack="s",
        launcher=RecordingLauncher(server_url),
    )
    text = text_report(run)
    lines = text.splitlines()
    assert lines[0] == "toy"
    assert lines[1] == "  PASS  lists-items"
    assert lines[2] == "  FAIL  creates-item"
    assert lines[3].strip().startswith("$ curl -i -X POST")
    assert lines[4].strip() == "expected: 200 with the new item"
    assert lines[5].strip().startswith("got:      201 (application/json)")
    assert lines[6].strip() == "hint:     answer 200, not 201"
    assert lines[-1] == "3 of 4 rules failed."


def test_json_report_is_exercism_results_v3(server_url: str, tmp_path: Path) -> None:
    run = run_check(
        [CheckTarget("toy", toy_check(), HINTS, None)],
        project=tmp_path,
        stack="s",
        launcher=RecordingLauncher(server_url),
    )
    report = json.loads(json.dumps(json_report(run)))
    assert report["version"] == 3 and report["status"] == "fail"
    assert report["message"] == "3 of 4 rules failed."
    tests = report["tests"]
    assert [t["name"] for t in tests] == [
        "toy: lists-items",
        "toy: creates-item",
        "toy: missing-is-404",
        "toy: crashes",
    ]
    assert [t["status"] for t in tests] == ["pass", "fail", "fail", "fail"]
    assert tests[0]["message"] is None and tests[0]["exercise"] == "toy"
    assert tests[1]["rule"] == "creates-item" and tests[1]["hint"] == "answer 200, not 201"
    assert tests[1]["message"].startswith("expected 200 with the new item; got 201")

    error = json_report(
        run_check(
            [CheckTarget("toy", toy_check(), {}, None)],
            project=tmp_path,
            stack="s",
            launcher=RecordingLauncher(server_url, database_fails="no db"),
        )
    )
    assert (error["status"], error["message"], error["tests"]) == ("error", "no db", [])

    passing = Check()
    passing.rule("ok")(lambda ctx: None)
    ok = json_report(
        run_check(
            [CheckTarget("p", passing, {}, None)],
            project=tmp_path,
            stack="s",
            launcher=RecordingLauncher(server_url),
        )
    )
    assert (ok["status"], ok["message"], [t["status"] for t in ok["tests"]]) == (
        "pass",
        None,
        ["pass"],
    )


def test_rule_failed_and_problem_assertions_survive_python_O() -> None:
    """The assertions raise explicitly: `python -O` (no `assert`) still fails them."""
    code = (
        "import requests\n"
        "from scaffolder.http.problems import expect_problem\n"
        "r = requests.Response(); r.status_code = 200; r._content = b'{}'\n"
        "r.request = requests.Request('GET', 'http://x/').prepare(); r.url = 'http://x/'\n"
        "try:\n    expect_problem(r, 404, 'missing is 404')\n"
        "except AssertionError as exc:\n    print('raised', exc.expected)\n"
    )
    out = subprocess.run(
        [sys.executable, "-O", "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "raised status 404"
    assert RuleFailed("x", "y").got == "y"
