"""`scaffold list`, `--version` and `doctor` read the stacks from the templates' own metadata."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from scaffolder import __version__
from tests.harness.scaffold import scaffold

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STACK_FILES = sorted(TEMPLATES.glob("*/stack.yml"))


def test_list_json_names_every_stack_folder_with_its_metadata(tmp_path: Path) -> None:
    result = scaffold("list", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    expected = {yaml.safe_load(p.read_text())["id"]: yaml.safe_load(p.read_text()) for p in STACK_FILES}
    assert set(rows) == set(expected)
    assert "django-postgres" in rows
    for stack_id, meta in expected.items():
        row = rows[stack_id]
        for key in ("language", "framework", "database", "test_tools", "default_port"):
            assert row[key] == meta[key], (stack_id, key)
        assert [t["name"] for t in row["toolchain"]] == [t["name"] for t in meta["toolchain"]]


def test_list_table_shows_each_stack(tmp_path: Path) -> None:
    result = scaffold("list", cwd=tmp_path, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    for path in STACK_FILES:
        assert yaml.safe_load(path.read_text())["id"] in result.stdout


def test_a_new_stack_folder_appears_in_the_list_without_python_changes(tmp_path: Path) -> None:
    import shutil

    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates, ignore=shutil.ignore_patterns("project"))
    meta = yaml.safe_load((templates / "django-postgres" / "stack.yml").read_text())
    meta["id"] = "flask-sqlite"
    (templates / "flask-sqlite").mkdir()
    (templates / "flask-sqlite" / "stack.yml").write_text(yaml.safe_dump(meta))
    result = scaffold("list", "--json", cwd=tmp_path, env={"SCAFFOLDER_TEMPLATES_DIR": str(templates)})
    assert result.returncode == 0, result.stderr
    assert "flask-sqlite" in [row["id"] for row in json.loads(result.stdout)]


def test_version_prints_the_package_version(tmp_path: Path) -> None:
    result = scaffold("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"scaffold {__version__}"


def test_doctor_reports_git_with_its_version(tmp_path: Path) -> None:
    result = scaffold("doctor", "--stack", "django-postgres", cwd=tmp_path)
    lines = result.stdout.splitlines()
    git_line = next(line for line in lines if " git " in f" {line} ")
    assert git_line.startswith("ok") and "≥ 2.30" in git_line


def test_doctor_says_what_to_install_when_a_tool_is_missing(tmp_path: Path) -> None:
    # A PATH with only git on it: make is then missing.
    import shutil

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "git").symlink_to(shutil.which("git"))
    result = scaffold("doctor", "--stack", "django-postgres", cwd=tmp_path,
                      env={"PATH": str(bin_dir), "PYTHONPATH": str(TEMPLATES.parent)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "missing  make" in result.stdout and "install:" in result.stdout


def test_doctor_refuses_an_unknown_stack(tmp_path: Path) -> None:
    result = scaffold("doctor", "--stack", "cobol-db2", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: unknown stack 'cobol-db2'")
    assert "Traceback" not in result.stderr


def test_list_wraps_to_a_narrow_terminal_and_names_what_each_stack_needs(tmp_path: Path) -> None:
    result = scaffold("list", cwd=tmp_path, env={"COLUMNS": "60"})
    assert result.returncode == 0, result.stderr
    too_long = [line for line in result.stdout.splitlines() if len(line) > 60]
    assert not too_long, f"lines wider than the terminal:\n{result.stdout}"
    for path in STACK_FILES:
        meta = yaml.safe_load(path.read_text())
        block = result.stdout.split(meta["id"], 1)[1]
        needed = block.split("you need:", 1)[1].split("\n\n", 1)[0]
        for tool in meta["toolchain"]:
            assert tool["name"] in needed, (meta["id"], tool["name"], result.stdout)


def copied_templates(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the stack metadata, and the environment that makes scaffold use it."""
    import shutil

    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates, ignore=shutil.ignore_patterns("project", "_shared"))
    env = {"SCAFFOLDER_TEMPLATES_DIR": str(templates), "SCAFFOLDER_HOME": str(tmp_path / "home")}
    return templates, env


def titles(result) -> dict[str, str]:
    assert result.returncode == 0, result.stderr
    return {row["id"]: row["title"] for row in json.loads(result.stdout)}


def test_an_edited_stack_yml_is_read_again_not_served_from_the_cache(tmp_path: Path) -> None:
    templates, env = copied_templates(tmp_path)
    assert titles(scaffold("list", "--json", cwd=tmp_path, env=env))["django-postgres"] \
        != "Django, my way"
    assert list((tmp_path / "home" / "cache").iterdir())  # the first run cached the metadata
    path = templates / "django-postgres" / "stack.yml"
    meta = yaml.safe_load(path.read_text())
    path.write_text(yaml.safe_dump({**meta, "title": "Django, my way"}))
    assert titles(scaffold("list", "--json", cwd=tmp_path, env=env))["django-postgres"] \
        == "Django, my way"


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    _, env = copied_templates(tmp_path)
    expected = titles(scaffold("list", "--json", cwd=tmp_path, env=env))
    for cached in (tmp_path / "home" / "cache").iterdir():
        cached.write_text('{"key": [1')
    assert titles(scaffold("list", "--json", cwd=tmp_path, env=env)) == expected


def test_a_broken_stack_yml_is_named_in_one_line(tmp_path: Path) -> None:
    templates, env = copied_templates(tmp_path)
    (templates / "rails-postgres" / "stack.yml").write_text("id: [unclosed\n")
    result = scaffold("list", cwd=tmp_path, env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("error: template metadata ")
    assert "rails-postgres/stack.yml is unreadable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
