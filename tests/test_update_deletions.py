"""`scaffold update` when a file is deleted or renamed on one side only.

Copier's replay of the learner's diff would, left alone, delete a file the new version
drops even when the learner had changed it, and drop a template change to a file the
learner deleted or renamed, without a word. These tests pin what scaffolder does
instead (scaffolder/reconcile.py): what `git merge` would do, and it says so.

The mechanics are the same for every stack (the merge is Copier's and Git's, not the
framework's), so they run on django-postgres; tests/test_update_stacks.py runs the
everyday update on all five.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.harness.releases import Release, commit_as_learner, git, has_conflict_markers

STACK = "django-postgres"
UNIT = "tests/unit"


def append(path: Path, line: str) -> None:
    path.write_text(path.read_text() + line + "\n")


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def project(release: Release, tmp_path: Path) -> Path:
    return release.generate(STACK, tmp_path)


def template(release: Release, generated: str) -> Path:
    return release.templates / release.template_of(STACK, generated)


def update(release: Release, project: Path) -> subprocess.CompletedProcess[str]:
    return release.run("update", str(project), cwd=project.parent)


def test_a_removed_file_the_learner_changed_is_kept_and_listed(release: Release,
                                                                project: Path) -> None:
    append(project / f"{UNIT}/test_problems.py", "# my extra case comes here")
    commit_as_learner(project, "Note in a test")
    release.version = "1.1.0"
    template(release, f"{UNIT}/test_problems.py").unlink()     # changed by the learner
    template(release, f"{UNIT}/test_log_context.py").unlink()  # untouched by the learner

    result = update(release, project)

    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"removes 1 file(s) you changed: {UNIT}/test_problems.py" in result.stderr
    assert "# my extra case comes here" in (project / f"{UNIT}/test_problems.py").read_text()
    assert not (project / f"{UNIT}/test_log_context.py").exists()


def test_learner_edits_move_with_a_file_the_template_renames(release: Release,
                                                            project: Path) -> None:
    meta = project / "tests/integration/test_meta.py"
    append(meta, "# checked the health endpoint by hand too")
    commit_as_learner(project, "Note in test_meta")
    release.version = "1.1.0"
    old = template(release, "tests/integration/test_meta.py")
    old.rename(old.with_name(old.name.replace("test_meta", "test_health")))

    result = update(release, project)

    assert result.returncode == 0, result.stdout + result.stderr
    health = project / "tests/integration/test_health.py"
    assert "# checked the health endpoint by hand too" in health.read_text()
    assert not has_conflict_markers(health.read_text())
    assert not meta.exists()
    assert "renamed tests/integration/test_meta.py to tests/integration/test_health.py" \
        in result.stdout


def test_a_template_change_follows_a_file_the_learner_renamed(release: Release,
                                                             project: Path) -> None:
    git(project, "mv", f"{UNIT}/test_validation.py", f"{UNIT}/test_input_validation.py")
    commit_as_learner(project, "Clearer test file name")
    release.version = "1.1.0"
    append(template(release, f"{UNIT}/test_validation.py"), "# added in 1.1.0")

    result = update(release, project)

    assert result.returncode == 0, result.stdout + result.stderr
    renamed = (project / f"{UNIT}/test_input_validation.py").read_text()
    assert renamed.endswith("# added in 1.1.0\n")
    assert not (project / f"{UNIT}/test_validation.py").exists()
    assert (f"1.1.0 changed {UNIT}/test_validation.py, which you renamed to "
            f"{UNIT}/test_input_validation.py") in result.stdout


def test_a_clash_in_a_renamed_file_is_a_conflict_with_markers(release: Release,
                                                             project: Path) -> None:
    first = (project / f"{UNIT}/test_validation.py").read_text().splitlines()[0]
    git(project, "mv", f"{UNIT}/test_validation.py", f"{UNIT}/test_input_validation.py")
    replace_line(project / f"{UNIT}/test_input_validation.py", first, '"""My wording."""')
    commit_as_learner(project, "Rename and reword")
    release.version = "1.1.0"
    replace_line(template(release, f"{UNIT}/test_validation.py"), first, '"""1.1.0 wording."""')

    result = update(release, project)

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"conflicts in 1 file(s): {UNIT}/test_input_validation.py" in result.stderr
    text = (project / f"{UNIT}/test_input_validation.py").read_text()
    assert has_conflict_markers(text)
    assert "My wording." in text and "1.1.0 wording." in text


def test_a_file_the_learner_deleted_stays_deleted_and_a_change_to_it_is_mentioned(
        release: Release, project: Path) -> None:
    (project / f"{UNIT}/test_tokens.py").unlink()
    (project / "gunicorn.conf.py").unlink()
    commit_as_learner(project, "I do not need these")
    (project / ".env").unlink()  # git-ignored; Copier writes it again (_skip_if_exists)
    release.version = "1.1.0"
    append(template(release, f"{UNIT}/test_tokens.py"), "# added in 1.1.0")

    result = update(release, project)

    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / f"{UNIT}/test_tokens.py").exists()
    assert not (project / "gunicorn.conf.py").exists()
    assert f"1.1.0 changed {UNIT}/test_tokens.py, which you deleted" in result.stdout
    assert "gunicorn.conf.py" not in result.stdout  # unchanged by 1.1.0: nothing to say
    assert ".env" not in result.stdout


def test_dry_run_names_a_kept_file_and_touches_nothing(release: Release, project: Path) -> None:
    append(project / f"{UNIT}/test_problems.py", "# mine")
    commit_as_learner(project, "Note")
    head = git(project, "rev-parse", "HEAD")
    release.version = "1.1.0"
    template(release, f"{UNIT}/test_problems.py").unlink()

    result = release.run("update", str(project), "--dry-run", cwd=project.parent)

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"  {UNIT}/test_problems.py  (removed by 1.1.0, but you changed it" in result.stdout
    assert git(project, "status", "--porcelain") == "" and git(project, "rev-parse", "HEAD") == head
