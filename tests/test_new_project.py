"""`scaffold new`: a Git repository with one commit, a clean tree and update metadata."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import yaml

from tests.harness.scaffold import REPO, generate, scaffold

STACK = "django-postgres"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(STACK, tmp_path_factory.mktemp("new"))


def git(project: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", *args], cwd=project, text=True, capture_output=True,
                          check=True).stdout


def test_project_is_a_git_repository_on_main_with_one_commit(project: Path) -> None:
    assert git(project, "branch", "--show-current").strip() == "main"
    assert git(project, "rev-list", "--count", "HEAD").strip() == "1"
    message = git(project, "log", "-1", "--format=%s")
    assert STACK in message and "scaffolder" in message


def test_the_commit_holds_every_file_and_the_tree_is_clean(project: Path) -> None:
    assert git(project, "status", "--porcelain") == ""
    committed = set(git(project, "ls-files").split())
    on_disk = {p.relative_to(project).as_posix() for p in project.rglob("*")
               if p.is_file() and ".git" not in p.relative_to(project).parts}
    assert on_disk - committed == {".env"}


def test_env_holds_a_secret_and_is_ignored(project: Path) -> None:
    assert (project / ".env").is_file()
    assert git(project, "check-ignore", ".env").strip() == ".env"
    answers = (project / ".copier-answers.yml").read_text()
    assert "secret_key" not in answers


def test_answers_record_the_version_and_a_lasting_template_source(project: Path) -> None:
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_commit"]
    assert answers["stack"] == STACK
    src = Path(answers["_src_path"])
    assert src == Path(os.environ["SCAFFOLDER_HOME"]) / "templates"
    assert (src / ".git").is_dir() and answers["_commit"] in git(src, "tag").split()
    assert "copier" not in src.name  # never one of Copier's temporary clones


def test_without_override_the_template_store_is_in_the_users_data_folder() -> None:
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SCAFFOLDER_HOME"}
    env["PYTHONPATH"] = str(REPO)
    code = "from scaffolder.locations import home; print(home())"
    home = subprocess.run([sys.executable, "-c", code], env=env, text=True,
                          capture_output=True, check=True).stdout.strip()
    assert not home.startswith(tempfile.gettempdir())
    assert home.endswith("scaffolder")


def test_the_first_commit_works_without_any_git_identity(tmp_path: Path) -> None:
    import subprocess
    import sys

    bare_home = tmp_path / "home"
    bare_home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_AUTHOR", "GIT_COMMITTER"))}
    env.update(HOME=str(bare_home), GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
               XDG_CONFIG_HOME=str(bare_home / ".config"), PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "scaffolder", "new", "nobody-api", "--stack",
                             STACK, "--defaults"], cwd=tmp_path, env=env, text=True,
                            capture_output=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    author = subprocess.run(["git", "log", "-1", "--format=%an <%ae>"], cwd=tmp_path / "nobody-api",
                            text=True, capture_output=True, env=env, check=True).stdout.strip()
    assert author == "Your Name <you@example.com>"


def test_it_ends_by_printing_the_next_three_commands(tmp_path: Path) -> None:
    result = scaffold("new", "todo-api", "--stack", STACK, "--defaults", "--no-git", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after_next = result.stdout.split("Next:")[1].strip().splitlines()
    assert [line.strip() for line in after_next] == [
        "cd todo-api", "make db-up setup migrate seed", "make run"]
    assert not (tmp_path / "todo-api" / ".git").exists()


def test_without_dest_the_project_name_gives_the_folder(tmp_path: Path) -> None:
    result = scaffold("new", "--stack", STACK, "--defaults", "--no-git",
                      "--data", "project_name=Todo Service", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    answers = yaml.safe_load((tmp_path / "todo-service" / ".copier-answers.yml").read_text())
    assert answers["project_name"] == "Todo Service"


def test_data_answers_a_question(tmp_path: Path) -> None:
    result = scaffold("new", "todo-api", "--stack", STACK, "--defaults", "--no-git",
                      "--data", "license=Apache-2.0", "--data", "author_name=Ada Lovelace",
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    licence = (tmp_path / "todo-api" / "LICENSE").read_text()
    assert "Apache License" in licence and "Version 2.0" in licence


def test_every_template_file_reaches_the_template_store(project: Path) -> None:
    """The store is a Git repository: a template's own .gitignore must not drop its files."""
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    store = Path(answers["_src_path"])
    templates = Path(__file__).resolve().parent.parent / "templates"
    stored = set(git(store, "ls-files").split("\n")) - {""}
    from scaffolder.template_store import template_files

    expected = {p.relative_to(templates).as_posix() for p in template_files(templates)}
    assert expected <= stored, sorted(expected - stored)[:10]
