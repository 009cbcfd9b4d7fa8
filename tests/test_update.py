"""`scaffold update`: a project made at template version N is brought to N+1 offline,
keeping the learner's edits (Copier's 3-way merge through the local template store)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.harness.releases import Release, commit_as_learner, git, has_conflict_markers
from tests.harness.scaffold import scaffold

STACK = "django-postgres"
REPO_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
KEEPING_UP = "## Keeping up to date"


@pytest.fixture
def project(release: Release, tmp_path: Path) -> Path:
    return release.generate(STACK, tmp_path)


def learner_edits(project: Path) -> None:
    """What a learner does: notes at the top of the README, an ignore rule, a new file."""
    readme = project / "README.md"
    lines = readme.read_text().splitlines(keepends=True)
    readme.write_text(lines[0] + "\nMy portfolio project: I added due-date reminders.\n"
                      + "".join(lines[1:]))
    gitignore = project / ".gitignore"
    gitignore.write_text(gitignore.read_text() + "reminders.log\n")
    (project / "NOTES.md").write_text("# Notes\n\nIdeas for next week.\n")
    commit_as_learner(project, "My edits")


def gitignore_template(release: Release) -> str:
    for name in (".gitignore", ".gitignore.jinja"):
        if (release.templates / STACK / "project" / name).exists():
            return f"{STACK}/project/{name}"
    raise AssertionError("the django-postgres template has no .gitignore")


def test_update_keeps_learner_edits_and_brings_the_new_version(release: Release, project: Path,
                                                              tmp_path: Path) -> None:
    learner_edits(project)
    release.version = "1.1.0"
    release.edit("_shared/README.md.jinja", KEEPING_UP + "\n",
                 KEEPING_UP + "\n\nRun `scaffold update` every few weeks.\n")
    ignore_file = gitignore_template(release)
    text = (release.templates / ignore_file).read_text()
    (release.templates / ignore_file).write_text("# Local coverage reports\nhtmlcov/\n" + text)
    release.edit("_shared/editorconfig", "[*.md]", "[*.sh]\nindent_size = 4\n\n[*.md]")

    result = release.run("update", str(project), cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1.0.0 to 1.1.0" in result.stdout
    readme = (project / "README.md").read_text()
    assert "I added due-date reminders." in readme                  # learner's edit kept
    assert "Run `scaffold update` every few weeks." in readme       # template change arrived
    gitignore = (project / ".gitignore").read_text()
    assert "reminders.log" in gitignore and "htmlcov/" in gitignore  # both, merged
    assert "[*.sh]" in (project / ".editorconfig").read_text()     # untouched file updated
    assert (project / "NOTES.md").read_text() == "# Notes\n\nIdeas for next week.\n"
    assert not has_conflict_markers(readme) and not has_conflict_markers(gitignore)
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_commit"] == "1.1.0"


def test_a_true_conflict_is_listed_and_left_as_markers(release: Release, project: Path,
                                                      tmp_path: Path) -> None:
    readme = project / "README.md"
    readme.write_text(readme.read_text().replace(
        KEEPING_UP, "## Keeping this project up to date (my wording)"))
    git(project, "commit", "-q", "-am", "Reword a heading")
    release.version = "1.1.0"
    release.edit("_shared/README.md.jinja", KEEPING_UP, "## Updating from the template")

    result = release.run("update", str(project), cwd=tmp_path)

    assert result.returncode == 2, result.stdout + result.stderr
    assert "README.md" in result.stderr and "conflict" in result.stderr
    assert "Traceback" not in result.stderr
    text = readme.read_text()
    assert has_conflict_markers(text)
    assert "my wording" in text and "## Updating from the template" in text


def test_update_with_no_newer_version_says_so(release: Release, project: Path,
                                              tmp_path: Path) -> None:
    result = release.run("update", str(project), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Already up to date" in result.stdout
    assert git(project, "status", "--porcelain") == ""


def test_update_to_an_unknown_version_is_refused(release: Release, project: Path,
                                                 tmp_path: Path) -> None:
    result = release.run("update", str(project), "--to", "9.9.9", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: template version 9.9.9 is not available")


def test_update_to_an_older_version_is_refused(release: Release, project: Path,
                                               tmp_path: Path) -> None:
    release.version = "1.1.0"
    release.edit("_shared/editorconfig", "[*.md]", "[*.txt]\nindent_size = 4\n\n[*.md]")
    assert release.run("update", str(project), cwd=tmp_path).returncode == 0
    git(project, "commit", "-q", "-am", "Update to 1.1.0")
    result = release.run("update", str(project), "--to", "1.0.0", cwd=tmp_path)
    assert result.returncode == 1
    assert "downgrades are not supported" in result.stderr


def test_a_project_from_an_instructors_fork_updates_from_that_fork(tmp_path: Path) -> None:
    fork = tmp_path / "fork"
    shutil.copytree(REPO_TEMPLATES, fork)
    git(fork, "init", "-q", "-b", "main")
    git(fork, "add", "--all")
    git(fork, "-c", "user.name=I", "-c", "user.email=i@example.com", "commit", "-q", "-m", "v1")
    git(fork, "tag", "v1.0")
    result = scaffold("new", "course-api", "--stack", STACK, "--defaults",
                      "--template-source", str(fork), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "course-api"
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_src_path"] == str(fork) and answers["_commit"] == "v1.0"

    readme = fork / "_shared" / "README.md.jinja"
    readme.write_text(readme.read_text().replace(KEEPING_UP + "\n",
                                                 KEEPING_UP + "\n\nAsk your instructor first.\n"))
    git(fork, "-c", "user.name=I", "-c", "user.email=i@example.com", "commit", "-qam", "v2")
    git(fork, "tag", "v2.0")
    result = scaffold("update", str(project), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ask your instructor first." in (project / "README.md").read_text()


def test_dry_run_shows_the_diff_and_touches_nothing(release: Release, project: Path,
                                                    tmp_path: Path) -> None:
    head = git(project, "rev-parse", "HEAD")
    release.version = "1.1.0"
    release.edit("_shared/README.md.jinja", KEEPING_UP + "\n",
                 KEEPING_UP + "\n\nRun `scaffold update` every few weeks.\n")

    result = release.run("update", str(project), "--dry-run", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "  README.md" in result.stdout
    assert "+Run `scaffold update` every few weeks." in result.stdout
    assert git(project, "status", "--porcelain") == ""
    assert git(project, "rev-parse", "HEAD") == head
    assert "every few weeks" not in (project / "README.md").read_text()


def test_check_tells_whether_a_newer_version_exists(release: Release, project: Path,
                                                    tmp_path: Path) -> None:
    result = release.run("check", str(project), cwd=tmp_path)
    assert result.returncode == 0 and "Up to date: template version 1.0.0" in result.stdout
    release.version = "1.1.0"
    release.edit("_shared/editorconfig", "[*.md]", "[*.txt]\nindent_size = 4\n\n[*.md]")
    result = release.run("check", str(project), cwd=tmp_path)
    assert result.returncode == 0 and "1.0.0 -> 1.1.0" in result.stdout
