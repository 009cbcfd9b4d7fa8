"""rails-postgres: the generated project has every file, and works.

The learner's project targets Rails 8.1 on Ruby 3.4. This machine can only install
Debian 12's Ruby 3.1 and Rails 6.1, so the tests that run code run the same
application code on those (tests/stacks/rails_postgres.py says exactly how); the
tests of files check the project exactly as a learner gets it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.harness import commands
from tests.stacks import rails_postgres as rails

STACK = rails.STACK
pytestmark = pytest.mark.stack(STACK)
HARNESS_RUBOCOP = Path(__file__).resolve().parent / "harness" / "rails" / "rubocop.yml"

# This stack's own layout; what every project has is checked in test_generated_projects.py.
SPEC_FILES = [
    ".rubocop.yml", ".ruby-version", "Gemfile",
    "config/database.yml", "config/routes.rb", "db/schema.rb", "db/seeds.rb",
    "bin/rails", "bin/rubocop", "bin/brakeman",
]


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, text=True, capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def learner_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Exactly what `scaffold new --stack rails-postgres` gives a learner."""
    return rails.generate(tmp_path_factory.mktemp("rails-learner"), series=None)


# Files -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SPEC_FILES)
def test_generated_project_has_file(learner_project: Path, path: str) -> None:
    assert (learner_project / path).is_file(), f"[{STACK}] {path} is missing"


def test_learner_gets_rails_8_1(learner_project: Path) -> None:
    gemfile = (learner_project / "Gemfile").read_text()
    assert re.search(r'^gem "rails", "~> 8\.1\.\d+"$', gemfile, re.M), gemfile
    assert 'source "https://rubygems.org"' in gemfile
    for gem in ("pg", "puma", "bcrypt", "rack-cors", "brakeman", "rubocop-rails-omakase"):
        assert f'gem "{gem}"' in gemfile, f"[{STACK}] the Gemfile lacks {gem}"
    major, minor = map(int, (learner_project / ".ruby-version").read_text().split(".")[:2])
    assert (major, minor) >= (3, 2)
    assert "config.load_defaults 8.1" in (learner_project / "config/application.rb").read_text()
    for migration in (learner_project / "db/migrate").glob("*.rb"):
        assert "ActiveRecord::Migration[8.1]" in migration.read_text(), migration.name
    assert "ActiveRecord::Schema[8.1].define" in (learner_project / "db/schema.rb").read_text()
    assert "rails_series" not in (learner_project / ".copier-answers.yml").read_text()


def test_module_name_comes_from_the_project_name(learner_project: Path) -> None:
    assert "module MyApi\n" in (learner_project / "config/application.rb").read_text()
    assert "my_api_development" in (learner_project / "config/database.yml").read_text()


def test_makefile_lets_the_environment_win_over_env_file(learner_project: Path) -> None:
    rails.require_toolchain()

    def run_line(env: dict[str, str]) -> str:
        command = ["env", "-u", "HOST", "-u", "PORT", *(f"{k}={v}" for k, v in env.items()), "make", "-s", "-n", "run"]
        return commands.run(STACK, command, cwd=learner_project).stdout.strip()

    assert run_line({}).endswith("-b 0.0.0.0 -p 3000")  # from .env
    assert run_line({"HOST": "127.0.0.1", "PORT": "4567"}).endswith("-b 127.0.0.1 -p 4567")


@pytest.mark.parametrize("name", ["user", "rails", "active-record", "end"])
def test_names_that_clash_with_ruby_or_rails_are_refused(tmp_path: Path, name: str) -> None:
    from tests.harness.scaffold import scaffold

    result = scaffold("new", name, "--stack", STACK, "--defaults", cwd=tmp_path)
    assert result.returncode != 0 and "reserved or invalid" in result.stdout + result.stderr, (
        f"[{STACK}] the name {name!r} was accepted:\n{result.stdout}{result.stderr}")
    assert not (tmp_path / name).exists()


def test_every_ruby_file_parses(learner_project: Path) -> None:
    rails.require_toolchain()
    ruby_files = [p for p in learner_project.rglob("*") if p.is_file() and ".git" not in p.parts and (
        p.suffix in (".rb", ".ru", ".rake") or p.name in ("Gemfile", "Rakefile") or p.parent.name == "bin")]
    assert len(ruby_files) > 30
    for path in ruby_files:
        commands.run(STACK, ["ruby", "-c", str(path)], cwd=learner_project)


def test_lint_omakase_core_rules(learner_project: Path) -> None:
    """Debian's rubocop 1.39 with omakase's core rules (no rubocop-rails: not packaged)."""
    rails.require_toolchain()
    rails.require_rubocop()
    commands.run(STACK, ["rubocop", "--config", str(HARNESS_RUBOCOP), "--format", "simple"],
                 cwd=learner_project)


# Running it ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tested_project(tmp_path_factory: pytest.TempPathFactory, postgres):
    """`DATABASE_URL=... make setup migrate test` in a project rendered for Debian's Rails."""
    rails.require_toolchain()
    project = rails.generate(tmp_path_factory.mktemp("rails-run"))
    env = {**rails.debian_env(project), "DATABASE_URL": postgres.url("rails_stack")}
    result = commands.run(STACK, ["make", "setup", "migrate", "test"], cwd=project, env=env, timeout=600)
    return project, env, result.stdout


def test_projects_own_tests_pass_against_postgres(tested_project) -> None:
    _, _, output = tested_project
    summary = re.search(r"(\d+) runs, (\d+) assertions, 0 failures, 0 errors, (\d+) skips", output)
    assert summary, f"[{STACK}] no passing Minitest summary in:\n{output[-3000:]}"
    runs, skips = int(summary.group(1)), int(summary.group(3))
    assert runs >= 20 and skips == 0, summary.group(0)


def test_seed_is_idempotent(tested_project) -> None:
    project, env, _ = tested_project
    outputs = [commands.run(STACK, ["make", "seed"], cwd=project, env=env).stdout for _ in range(2)]
    for output in outputs:
        assert "Seeded demo@example.com" in output and "with 5 tasks" in output, output


def test_work_tree_stays_clean_after_the_projects_commands(tested_project) -> None:
    """Logs, tmp/ and the like are ignored; only db/schema.rb changes, re-dumped in 6.1's format."""
    project, env, _ = tested_project
    commands.run(STACK, ["make", "seed"], cwd=project, env=env)
    changed = git(project, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert set(changed) <= {" M db/schema.rb"}, f"[{STACK}] unexpected changes: {changed}"


def _schema_facts(text: str) -> dict[str, set[str]]:
    """Tables -> column, index and key lines, ignoring what differs between Rails' dump formats."""
    tables: dict[str, set[str]] = {}
    current = None
    for line in text.splitlines():
        line = line.strip().replace(", precision: 6", "")
        if m := re.match(r'create_table "(\w+)"', line):
            current = tables.setdefault(m.group(1), set())
        elif line == "end":
            current = None
        elif current is not None and line.startswith("t."):
            current.add(line)
        elif line.startswith("add_foreign_key"):
            tables.setdefault("(foreign keys)", set()).add(line)
    return tables


def test_shipped_schema_matches_what_the_migrations_make(tested_project) -> None:
    """db/schema.rb is 8.1's dump; `make migrate` on 6.1 re-dumped it: same tables either way."""
    project, _, _ = tested_project
    shipped = git(project, "show", "HEAD:db/schema.rb")
    dumped = (project / "db/schema.rb").read_text()
    assert _schema_facts(dumped), dumped
    assert _schema_facts(shipped) == _schema_facts(dumped)
