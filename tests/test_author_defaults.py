"""`author_name` and `author_email` default to the learner's Git identity (git config
user.name / user.email), so a project's licence and package metadata name them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.harness.scaffold import REPO

STACK = "express-mongo"  # its package.json carries both answers


def test_author_answers_default_to_the_git_identity(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    gitconfig = home / ".gitconfig"
    gitconfig.write_text("[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_AUTHOR", "GIT_COMMITTER"))}
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(gitconfig),
        XDG_CONFIG_HOME=str(home / ".config"),
        PYTHONPATH=str(REPO),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scaffolder",
            "new",
            "ada-api",
            "--stack",
            STACK,
            "--defaults",
            "--no-git",
        ],
        cwd=tmp_path,
        env=env,
        text=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    project = tmp_path / "ada-api"
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert (answers["author_name"], answers["author_email"]) == ("Ada Lovelace", "ada@example.org")
    assert "Ada Lovelace" in (project / "LICENSE").read_text()
    assert "ada@example.org" in (project / "package.json").read_text()
