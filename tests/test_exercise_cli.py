"""`scaffold exercise list | show | start | hint | progress` in a generated project (render
only: no stack toolchain), run as a learner runs them; bad input is one line and changes
nothing."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from scaffolder.exercise.launch import Database, Progress
from tests.harness.scaffold import generate, scaffold
from tests.test_bad_input import assert_one_line_error

STACK = "django-postgres"
REPO = Path(__file__).resolve().parent.parent
EXERCISES = REPO / "exercises"
PROGRESS = ".scaffold/progress.yml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(STACK, tmp_path_factory.mktemp("generated"))


@pytest.fixture
def project(generated: Path, tmp_path: Path) -> Path:
    """A fresh copy of one generated project (with its Git history) for each test."""
    copy = tmp_path / "my-api"
    shutil.copytree(generated, copy, symlinks=True)
    return copy


def run(project: Path, *args: str, env: Mapping[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return scaffold("exercise", *args, cwd=project, env=env)


def ok(project: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    result = run(project, *args, env=env)
    assert result.returncode == 0, f"scaffold exercise {' '.join(args)}:\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout


def head(project: Path) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True,
                          text=True, check=True).stdout.strip()


def recorded(project: Path) -> dict:
    return yaml.safe_load((project / PROGRESS).read_text())["exercises"]


def write_progress(project: Path, exercises: dict) -> None:
    (project / ".scaffold").mkdir(exist_ok=True)
    (project / PROGRESS).write_text(yaml.safe_dump({"exercises": exercises}))


def exercises_copy(tmp_path: Path) -> Path:
    """A copy of the exercises to break or extend (SCAFFOLDER_EXERCISES_DIR points at it)."""
    copy = tmp_path / "exercises"
    shutil.copytree(EXERCISES, copy, ignore=shutil.ignore_patterns("solutions"))
    return copy


# --- list and show ------------------------------------------------------------------------

def test_list_shows_every_exercise_of_the_stack_with_its_status(project: Path) -> None:
    out = ok(project, "list")
    assert f"Exercises for {STACK}" in out
    line = next(line for line in out.splitlines() if "cart-pricing" in line)
    assert "business logic" in line and "Price a shopping cart" in line
    assert "[not started]" in line


def test_list_json_is_data_for_scripts(project: Path) -> None:
    import json

    rows = json.loads(ok(project, "list", "--json"))
    cart = next(row for row in rows if row["id"] == "cart-pricing")
    assert cart["number"] == 1 and cart["status"] == "not started"


def test_list_works_from_a_subfolder_and_with_project(project: Path) -> None:
    assert "cart-pricing" in ok(project / "docs", "list")
    assert "cart-pricing" in scaffold("exercise", "list", "--project", str(project),
                                      cwd=project.parent).stdout


def test_show_prints_the_brief_the_rules_the_api_and_this_stacks_notes(project: Path) -> None:
    out = ok(project, "show", "cart-pricing")  # piped: the Markdown itself
    brief = (EXERCISES / "cart-pricing" / "brief.md").read_text()
    assert brief.splitlines()[0] in out  # the title
    assert "## How this is checked" in out
    rules = yaml.safe_load((EXERCISES / "cart-pricing" / "exercise.yml").read_text())["rules"]
    for number, rule in enumerate(rules, 1):
        assert f"{number}. `{rule['name']}`: {rule['says']}" in out
    assert "```yaml" in out and "operationId: getCart" in out
    notes = (EXERCISES / "cart-pricing" / "notes" / f"{STACK}.md").read_text()
    assert f"## In your {STACK} project" in out
    assert notes.strip().splitlines()[0] in out
    express = (EXERCISES / "cart-pricing" / "notes" / "express-mongo.md").read_text()
    assert express.strip().splitlines()[0] not in out  # only this stack's notes
    assert "solution" not in out.lower()


# --- start --------------------------------------------------------------------------------

def test_start_records_the_commit_and_refuses_a_second_start(project: Path) -> None:
    out = ok(project, "start", "cart-pricing")
    assert f"at commit {head(project)[:7]}" in out
    started = recorded(project)["cart-pricing"]["started"]
    assert started["commit"] == head(project)
    before = (project / PROGRESS).read_text()

    again = run(project, "start", "cart-pricing")
    assert_one_line_error(again, "already started", "--restart")
    assert (project / PROGRESS).read_text() == before
    assert "[started]" in ok(project, "list")


def test_restart_starts_again_from_the_current_commit(project: Path) -> None:
    ok(project, "start", "cart-pricing")
    (project / "notes.md").write_text("mine\n")
    subprocess.run(["git", "add", "notes.md"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "notes"],
                   cwd=project, check=True)
    assert "Restarted" in ok(project, "start", "cart-pricing", "--restart")
    assert recorded(project)["cart-pricing"]["started"]["commit"] == head(project)


def test_start_refuses_a_dirty_tree_and_writes_nothing(project: Path) -> None:
    readme = project / "README.md"
    readme.write_text(readme.read_text() + "\nwork in progress\n")
    result = run(project, "start", "cart-pricing")
    assert_one_line_error(result, "uncommitted", "README.md")
    assert not (project / ".scaffold").exists()


def test_an_uncommitted_progress_file_does_not_make_the_tree_dirty(project: Path) -> None:
    ok(project, "hint", "cart-pricing")  # writes .scaffold/progress.yml, not committed
    ok(project, "start", "cart-pricing")


# --- bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["show", "nope"], ["start", "nope"], ["hint", "nope"]])
def test_an_unknown_exercise_is_one_line_naming_the_known_ones(project: Path,
                                                               command: list[str]) -> None:
    result = run(project, *command)
    assert_one_line_error(result, "unknown exercise 'nope'", "cart-pricing")
    assert not (project / ".scaffold").exists()


@pytest.mark.parametrize("command", [["list"], ["show", "cart-pricing"],
                                     ["start", "cart-pricing"], ["progress"]])
def test_outside_a_generated_project_is_one_line(tmp_path: Path, command: list[str]) -> None:
    result = scaffold("exercise", *command, cwd=tmp_path)
    assert_one_line_error(result, "not in a project generated by scaffold", "--project")
    assert list(tmp_path.iterdir()) == []


def test_an_exercise_without_notes_for_the_stack_is_not_offered(project: Path,
                                                                tmp_path: Path) -> None:
    exercises = exercises_copy(tmp_path)
    (exercises / "cart-pricing" / "notes" / f"{STACK}.md").unlink()
    env = {"SCAFFOLDER_EXERCISES_DIR": str(exercises)}
    for command in (["show", "cart-pricing"], ["start", "cart-pricing"]):
        result = run(project, *command, env=env)
        assert_one_line_error(result, f"not available for {STACK} projects", "express-mongo")
    assert "cart-pricing" not in ok(project, "list", env=env)
    assert not (project / ".scaffold").exists()


def test_a_broken_exercise_yml_is_one_line_naming_the_file(project: Path,
                                                           tmp_path: Path) -> None:
    exercises = exercises_copy(tmp_path)
    path = exercises / "cart-pricing" / "exercise.yml"
    path.write_text(path.read_text().replace("check_version: 1", "check_version: one"))
    result = run(project, "list", env={"SCAFFOLDER_EXERCISES_DIR": str(exercises)})
    assert_one_line_error(result, str(path), "check_version")


def test_a_corrupted_progress_file_is_one_line(project: Path) -> None:
    (project / ".scaffold").mkdir()
    (project / PROGRESS).write_text("exercises: [unclosed\n")
    assert_one_line_error(run(project, "progress"), "progress.yml is corrupted")


# --- hint ---------------------------------------------------------------------------------

def with_hints(tmp_path: Path) -> Path:
    """The exercises, cart-pricing's `coupons` rule with two hints and a django one."""
    exercises = exercises_copy(tmp_path)
    path = exercises / "cart-pricing" / "exercise.yml"
    data = yaml.safe_load(path.read_text())
    coupons = next(rule for rule in data["rules"] if rule["name"] == "coupons")
    coupons["hint"] = ["First, general.", "Second, closer."]
    coupons["stack_hints"] = {STACK: "Django: look at the serializer.",
                              "express-mongo": "Express only."}
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return exercises


def test_hint_walks_the_failing_rules_hints_then_this_stacks(project: Path,
                                                              tmp_path: Path) -> None:
    env = {"SCAFFOLDER_EXERCISES_DIR": str(with_hints(tmp_path))}
    write_progress(project, {"cart-pricing": {"last_check": {
        "commit": head(project), "at": "2026-01-01T00:00:00Z", "failed_rule": "coupons",
        "exit_code": 1}}})
    shown = [ok(project, "hint", "cart-pricing", env=env) for _ in range(4)]
    assert "Hint 1 of 3 for `coupons` (it failed in your last check)" in shown[0]
    assert "First, general." in shown[0]
    assert "Second, closer." in shown[1]
    assert "Django: look at the serializer." in shown[2] and "last hint" in shown[2]
    assert "Django: look at the serializer." in shown[3]  # the last one again
    assert "Express only." not in "".join(shown)
    assert recorded(project)["cart-pricing"]["hints_shown"] == {"coupons": 3}


def test_hint_before_any_check_explains_the_first_rule(project: Path) -> None:
    out = ok(project, "hint", "cart-pricing")
    assert "`products-catalogue` (the first rule)" in out


# --- progress and the README's practice log -----------------------------------------------

def passed(project: Path) -> dict:
    return {"cart-pricing": {
        "started": {"commit": head(project), "at": "2026-01-01T00:00:00Z"},
        "passed": {"commit": head(project), "at": "2026-01-02T10:00:00Z", "check_version": 1}}}


def test_progress_shows_the_pass_and_writes_the_practice_log(project: Path) -> None:
    write_progress(project, passed(project))
    readme = project / "README.md"
    before = readme.read_text()
    assert f"cart-pricing: passed at {head(project)[:7]}" in ok(project, "progress")
    assert readme.read_text() == before  # without --write-readme: untouched

    ok(project, "progress", "--write-readme")
    ok(project, "progress", "--write-readme")  # again: the same one section
    text = readme.read_text()
    assert text.count("<!-- practice-log:start -->") == 1
    assert text.count("<!-- practice-log:end -->") == 1
    log = text.split("<!-- practice-log:start -->")[1].split("<!-- practice-log:end -->")[0]
    assert (f"| 1. Price a shopping cart (`cart-pricing`) | business logic | "
            f"`{head(project)[:7]}` | 1 | 2026-01-02 |") in log


def test_write_readme_adds_the_section_to_a_readme_without_markers(project: Path) -> None:
    readme = project / "README.md"
    readme.write_text("# my-api\n\nMy own README.\n")
    ok(project, "progress", "--write-readme")
    text = readme.read_text()
    assert text.startswith("# my-api\n\nMy own README.\n\n## Practice log\n")
    assert "No exercise passed yet" in text


def test_write_readme_refuses_a_lone_marker(project: Path) -> None:
    readme = project / "README.md"
    readme.write_text("# my-api\n<!-- practice-log:end -->\n")
    assert_one_line_error(run(project, "progress", "--write-readme"), "markers")
    assert readme.read_text() == "# my-api\n<!-- practice-log:end -->\n"


def test_the_generated_readme_has_the_practice_section_that_write_readme_fills(
        project: Path) -> None:
    readme = project / "README.md"
    before = readme.read_text()
    assert "## Practice\n" in before and "scaffold exercise check cart-pricing" in before
    assert "<!-- practice-log:start -->" in before
    write_progress(project, passed(project))
    ok(project, "progress", "--write-readme")
    after = readme.read_text()
    assert after.count("Practice log") == 1  # filled in place, no section added
    assert "| 1. Price a shopping cart (`cart-pricing`) |" in after
    # Only the text between the markers changed.
    start, end = "<!-- practice-log:start -->", "<!-- practice-log:end -->"
    assert after.split(start)[0] == before.split(start)[0]
    assert after.split(end)[1] == before.split(end)[1]


# --- check: a toy exercise against an in-process server -------------------------------------

TOY_CHECK = '''
from scaffolder.exercise.checking import Check

import toyhelper  # a module beside check.py, imported through the engine's loader

check = Check(env={"TOY_MODE": "strict"})


@check.setup
def started_from(ctx):
    yield {"TOY_STARTED_FROM": ctx.start_commit or "none"}


@check.rule("health")
def health(ctx):
    response = ctx.api.get("/health")
    ctx.expect(response.status_code == 200, "200 from /health", response)


@check.rule("items")
def items(ctx):
    response = ctx.api.get("/items")
    ctx.expect(response.json()["items"] == toyhelper.WANTED,
               f"the items {toyhelper.WANTED}", response)
'''

TOY_YML = {
    "id": "toy", "number": 99, "skill": "testing", "title": "A toy", "difficulty": 1,
    "check_version": 3, "fails_on_starter": "items",
    "rules": [{"name": "health", "says": "/health is 200", "hint": "Start the server."},
              {"name": "items", "says": "/items lists the wanted items",
               "hint": ["List them.", "In order."]}],
}


class ToyServer:
    """GET /health, and GET /items answering `items` (which a test changes)."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        state = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                import json

                body = json.dumps({"items": state.items} if self.path == "/items"
                                  else {"status": "ok"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.items: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def toy_server() -> Iterator[ToyServer]:
    server = ToyServer()
    yield server
    server.close()


@pytest.fixture
def toy_env(tmp_path: Path) -> dict[str, str]:
    """The real exercises plus `toy` (offered for django-postgres only)."""
    exercises = exercises_copy(tmp_path)
    toy = exercises / "toy"
    (toy / "notes").mkdir(parents=True)
    (toy / "exercise.yml").write_text(yaml.safe_dump(TOY_YML, sort_keys=False))
    (toy / "brief.md").write_text("# A toy\n\n## How this is checked\nIt asks.\n")
    (toy / "notes" / f"{STACK}.md").write_text("- Look at `tasks/views.py`.\n")
    (toy / "check.py").write_text(TOY_CHECK)
    (toy / "toyhelper.py").write_text("WANTED = ['a', 'b']\n")
    return {"SCAFFOLDER_EXERCISES_DIR": str(exercises)}


def test_check_reports_each_rule_and_records_the_failure_for_hint(
        project: Path, toy_server: ToyServer, toy_env: dict[str, str]) -> None:
    result = run(project, "check", "toy", "--base-url", toy_server.url, env=toy_env)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "PASS  health" in out
    assert "FAIL  items" in out
    assert "curl" in out and f"{toy_server.url}/items" in out
    assert "the items ['a', 'b']" in out  # expected
    assert "hint:" in out and "List them." in out
    assert "1 of 2 rules failed." in out
    assert "TOY_MODE=strict" in out  # what the learner's server must be started with
    assert "scaffold exercise hint toy" in out
    check = recorded(project)["toy"]["last_check"]
    assert check["failed_rule"] == "items" and check["exit_code"] == 1
    assert check["commit"] == head(project)
    assert "passed" not in recorded(project)["toy"]

    hint = ok(project, "hint", "toy", env=toy_env)
    assert "Hint 1 of 2 for `items` (it failed in your last check)" in hint
    assert "In order." in ok(project, "hint", "toy", env=toy_env)


def test_a_passing_check_is_recorded_with_its_commit_and_check_version(
        project: Path, toy_server: ToyServer, toy_env: dict[str, str], tmp_path: Path) -> None:
    import json

    toy_server.items = ["a", "b"]
    report = tmp_path / "results.json"
    result = run(project, "check", "toy", "--base-url", toy_server.url, "--json", str(report),
                 env=toy_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All 2 rules pass." in result.stdout
    passed = recorded(project)["toy"]["passed"]
    assert passed["commit"] == head(project) and passed["check_version"] == 3
    assert f"toy: passed at {head(project)[:7]}" in ok(project, "progress", env=toy_env)
    data = json.loads(report.read_text())
    assert data["version"] == 3 and data["status"] == "pass"
    assert [t["rule"] for t in data["tests"]] == ["health", "items"]
    ok(project, "progress", "--write-readme", env=toy_env)
    assert "| 99. A toy (`toy`) | testing |" in (project / "README.md").read_text()


def test_check_without_ids_checks_the_exercises_started(
        project: Path, toy_server: ToyServer, toy_env: dict[str, str]) -> None:
    result = run(project, "check", "--base-url", toy_server.url, env=toy_env)
    assert_one_line_error(result, "no exercise started yet", "scaffold exercise check")
    ok(project, "start", "toy", env=toy_env)
    result = run(project, "check", "--base-url", toy_server.url, env=toy_env)
    assert result.returncode == 1 and "FAIL  items" in result.stdout


@pytest.mark.parametrize("args, phrase", [
    (["check", "nope", "--base-url", "http://127.0.0.1:9"], "unknown exercise 'nope'"),
    (["check", "toy", "--base-url", "localhost:8000"], "--base-url must be an http"),
    (["check", "toy", "--base-url", "http://127.0.0.1:9", "--database-url", "postgresql://x/y"],
     "do not go together"),
    (["check", "toy", "--base-url", "http://127.0.0.1:9", "--json", "no/such/folder/r.json"],
     "not a file in an existing folder"),
])
def test_bad_check_input_is_one_line_and_records_nothing(
        project: Path, toy_env: dict[str, str], args: list[str], phrase: str) -> None:
    assert_one_line_error(run(project, *args, env=toy_env), phrase)
    assert not (project / ".scaffold").exists()


@dataclass
class FakeLauncher:
    """A launcher that 'serves' the toy server and remembers what it was asked."""

    url: str
    served: list[tuple[Path, dict[str, str]]] = field(default_factory=list)

    @contextlib.contextmanager
    def database(self) -> Iterator[Database]:
        yield Database(label="toy database", env={"DATABASE_URL": "toy://db"})

    @contextlib.contextmanager
    def serve(self, source: Path, database: Database, env: Mapping[str, str],
              progress: Progress) -> Iterator[str]:
        self.served.append((source, dict(env)))
        progress("toy server starting")
        yield self.url


def test_the_api_starts_the_server_through_the_launcher_with_the_checks_env(
        project: Path, toy_server: ToyServer, toy_env: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from scaffolder.exercise import api

    for key, value in toy_env.items():
        monkeypatch.setenv(key, value)
    ok(project, "start", "toy", env=toy_env)
    launcher = FakeLauncher(toy_server.url)
    lines: list[str] = []
    run = api.check(project, ["toy"], launcher=launcher, progress=lines.append)
    assert run.exit_code == 1
    assert [(r.rule, r.passed) for r in run.results] == [("health", True),
                                                                  ("items", False)]
    assert len(launcher.served) == 1
    source, env = launcher.served[0]
    assert source == project
    assert env["TOY_MODE"] == "strict"
    assert env["TOY_STARTED_FROM"] == head(project)  # the start commit reached the setup
    assert "toy server starting" in lines


def test_a_base_url_where_nothing_answers_could_not_run(project: Path,
                                                        toy_env: dict[str, str]) -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run(project, "check", "toy", "--base-url", f"http://127.0.0.1:{port}", env=toy_env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"nothing answers at http://127.0.0.1:{port}" in result.stderr
    assert "FAIL" not in result.stdout


def test_json_is_written_also_when_the_check_could_not_run(project: Path, toy_env: dict[str, str],
                                                           tmp_path: Path) -> None:
    import json

    report = tmp_path / "results.json"
    result = run(project, "check", "toy", "--base-url", "http://127.0.0.1:9", "--json",
                 str(report), env=toy_env)
    assert result.returncode == 2, result.stdout + result.stderr
    data = json.loads(report.read_text())
    assert data["version"] == 3 and data["status"] == "error"
    assert "nothing answers" in data["message"]


def test_scaffold_update_keeps_the_progress_file_and_the_practice_log(tmp_path: Path) -> None:
    from tests.harness.releases import Release, commit_as_learner, has_conflict_markers

    release = Release(tmp_path / "release")
    project = release.generate(STACK, tmp_path)
    write_progress(project, passed(project))
    ok(project, "progress", "--write-readme")
    commit_as_learner(project, "cart-pricing passed")
    progress_before = (project / PROGRESS).read_text()

    release.version = "1.1.0"  # the template rewords the lines above the log
    release.edit("_shared/README.md.jinja", "commit it to keep it in a clone.",
                 "commit it, and your progress travels with the project.")
    result = release.run("update", str(project), cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    readme = (project / "README.md").read_text()
    assert "your progress travels with the project" in readme  # the template's change
    assert "| 1. Price a shopping cart (`cart-pricing`) |" in readme  # the learner's log
    assert not has_conflict_markers(readme)
    assert (project / PROGRESS).read_text() == progress_before


def test_check_with_no_database_server_could_not_run_and_records_nothing(
        project: Path, toy_env: dict[str, str]) -> None:
    # scaffold's own launcher (the stack's stack.yml): nothing listens on port 9.
    result = run(project, "check", "toy", "--database-url", "postgresql://me:pw@127.0.0.1:9/db",
                 env=toy_env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "could not run the check" in result.stderr and "127.0.0.1:9" in result.stderr
    assert not (project / ".scaffold").exists()


@pytest.mark.parametrize("args, phrase", [
    (["show"], "missing argument 'ID'"),
    (["list", "--project", "/no/such/folder"], "is not a folder"),
    (["frobnicate"], "no such command 'frobnicate'"),
])
def test_command_line_mistakes_are_one_line(project: Path, args: list[str], phrase: str) -> None:
    assert_one_line_error(run(project, *args), phrase)


def test_plain_scaffold_exercise_shows_its_commands(project: Path) -> None:
    out = ok(project)
    for command in ("list", "show", "start", "check", "hint", "progress"):
        assert f"  {command} " in out


def test_a_pass_with_uncommitted_changes_says_so(project: Path, toy_server: ToyServer,
                                                 toy_env: dict[str, str]) -> None:
    toy_server.items = ["a", "b"]
    (project / "README.md").write_text("# my-api\n\nwork in progress\n")
    result = run(project, "check", "toy", "--base-url", toy_server.url, env=toy_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert recorded(project)["toy"]["passed"]["dirty"] is True
    status = f"toy: passed at {head(project)[:7]} + uncommitted changes"
    assert status in ok(project, "progress", "--write-readme", env=toy_env)
    assert f"`{head(project)[:7]}` + uncommitted changes |" in (project / "README.md").read_text()


def test_start_in_a_project_without_git_is_one_line(tmp_path: Path) -> None:
    project = generate(STACK, tmp_path, git=False)
    assert_one_line_error(run(project, "start", "cart-pricing"), "not a Git repository",
                          "git init")
    assert not (project / ".scaffold").exists()
    assert "cart-pricing" in ok(project, "list")  # the rest works without Git
