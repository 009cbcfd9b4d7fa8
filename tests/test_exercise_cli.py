"""`scaffold exercise list | show | start | hint | progress` in a generated project (render
only: no stack toolchain), run as a learner runs them; bad input is one line and changes
nothing."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml

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
