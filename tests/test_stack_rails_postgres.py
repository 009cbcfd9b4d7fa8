"""rails-postgres: the generated project has every file, and works.

The learner's project targets Rails 8.1 on Ruby 3.4. This machine can only install
Debian 12's Ruby 3.1 and Rails 6.1, so the tests that run code run the same
application code on those (tests/stacks/rails_postgres.py says exactly how); the
tests of files check the project exactly as a learner gets it.
"""

from __future__ import annotations

import os
import re
import subprocess
import uuid
from pathlib import Path

import pytest
import requests
import yaml

from tests.harness import commands
from tests.stacks import rails_postgres as rails

STACK = rails.STACK
pytestmark = pytest.mark.stack(STACK)
HARNESS_RUBOCOP = Path(__file__).resolve().parent / "harness" / "rails" / "rubocop.yml"

# This stack's own layout; what every project has is checked in test_generated_projects.py.
SPEC_FILES = [
    ".rubocop.yml", ".ruby-version", "Gemfile",
    "config/database.yml", "config/routes.rb", "db/schema.rb", "db/seeds.rb",
    "bin/rails", "bin/rubocop", "bin/brakeman", "bin/setup", "bin/ci", "bin/dev", "bin/docker-entrypoint",
    "config/ci.rb",
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
    assert re.search(r'^gem "rails", "~> 8\.1\.\d+"$', gemfile, re.MULTILINE), gemfile
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
        p.suffix in (".rb", ".ru", ".rake") or p.name in ("Gemfile", "Rakefile")
        or (p.parent.name == "bin" and "ruby" in p.read_text().partition("\n")[0]))]
    assert len(ruby_files) > 30
    for path in ruby_files:
        commands.run(STACK, ["ruby", "-c", str(path)], cwd=learner_project)
    # bin/docker-entrypoint is bash, as Rails generates it.
    commands.run(STACK, ["bash", "-n", "bin/docker-entrypoint"], cwd=learner_project)


def test_lint_omakase_core_rules(learner_project: Path) -> None:
    """Debian's rubocop 1.39 with omakase's core rules (no rubocop-rails: not packaged)."""
    rails.require_toolchain()
    rails.require_rubocop()
    commands.run(STACK, ["rubocop", "--config", str(HARNESS_RUBOCOP), "--format", "simple"],
                 cwd=learner_project)


# Running it ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tested_project(tmp_path_factory: pytest.TempPathFactory, postgres):
    """The project's own CI steps in a project rendered for Debian's Rails:
    `RAILS_ENV=test make setup migrate`, then `bin/rails db:test:prepare test`."""
    rails.require_toolchain()
    project = rails.generate(tmp_path_factory.mktemp("rails-run"))
    env = {**rails.debian_env(project), "DATABASE_URL": postgres.url("rails_stack"), "RAILS_ENV": "test"}
    commands.run(STACK, ["make", "setup", "migrate"], cwd=project, env=env, timeout=600)
    result = commands.run(STACK, ["bin/rails", "db:test:prepare", "test"], cwd=project, env=env, timeout=600)
    return project, env, result.stdout


def test_projects_own_tests_pass_against_postgres(tested_project) -> None:
    _, _, output = tested_project
    summary = re.search(r"(\d+) runs, (\d+) assertions, 0 failures, 0 errors, (\d+) skips", output)
    assert summary, f"[{STACK}] no passing Minitest summary in:\n{output[-3000:]}"
    runs, skips = int(summary.group(1)), int(summary.group(3))
    assert runs >= 30 and skips == 0, summary.group(0)


def test_readme_single_test_example_runs_one_test(tested_project) -> None:
    project, env, _ = tested_project
    readme = (project / "README.md").read_text()
    example = re.search(r"^bin/rails test (test/\S+:\d+)", readme, re.MULTILINE)
    assert example, f"[{STACK}] the README shows no single-test example"
    output = commands.run(STACK, ["bin/rails", "test", example.group(1)], cwd=project, env=env).stdout
    assert re.search(r"\b1 runs, \d+ assertions, 0 failures", output), (
        f"[{STACK}] `bin/rails test {example.group(1)}` did not run exactly one test:\n{output[-2000:]}")


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
        elif current is not None and line.startswith("t.check_constraint"):
            # 8.1 dumps PostgreSQL's pretty-printed expression, 6.1 the fully parenthesized one.
            current.add(re.sub(r"[()\s]", "", line))
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


def test_rails_backports_work_on_debians_rails(postgres) -> None:
    """The harness's own shims of Rails 7.1+ features (tests/harness/rails/backports), on 6.1."""
    rails.require_toolchain()
    command = ["ruby", "-Ilib", "test/backports_test.rb"]
    output = commands.run(STACK, command, cwd=rails.BACKPORTS,
                          env={"DATABASE_URL": postgres.url("rails_backports")}).stdout
    assert re.search(r"\d+ runs, \d+ assertions, 0 failures, 0 errors, 0 skips", output), output


# Current idioms: the harness adapts to the template, never the template to the harness -----

def _ruby_code(project: Path, *globs: str) -> dict[str, str]:
    """Each matching file's code without its comment lines (comments may name the old ways)."""
    code = {}
    for pattern in globs:
        for path in sorted(project.glob(pattern)):
            lines = path.read_text().splitlines()
            code[str(path.relative_to(project))] = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    return code


# (what is dated, the pattern that finds it, what Rails 8.1 writes instead, an example of the dated code)
OLD_IDIOMS = [
    ("find_by + authenticate in login", r"\.authenticate\(", "User.authenticate_by(email:, password:)",
     "user = User.find_by(email: email)\nuser if user&.authenticate(password)"),
    ("has_secure_token", r"\bhas_secure_token\b", "generates_token_for", "  has_secure_token :auth_token"),
    ("a hand-rolled token table or column",
     r"create_table[ (]*[:\"]\w*tokens?\b|t\.\w+[ (]*[:\"]\w*token|add_column[ (]*[:\"]\w+[\"]?,\s*[:\"]\w*token",
     "generates_token_for", '  create_table "access_tokens", force: :cascade do |t|'),
    ("a hand-signed token", r"MessageVerifier|message_verifier|\bJWT\b", "generates_token_for",
     "Rails.application.message_verifier(:access).generate(id)"),
    ("a callback that downcases the e-mail", r"before_(save|validation|create)\b.*downcase|downcase!", "normalizes :email",
     "  before_save { email.downcase! }"),
    ("enum with hash syntax", r"\benum\s*\(?\s*:?\w+\s*(:|=>)\s*[{\[]", "enum :status, {...}, validate: true",
     "  enum status: { todo: \"todo\", doing: \"doing\" }"),
    # Task's own (TaskListQuery checks the ?status= filter with an inclusion, rightly).
    ("an inclusion check standing in for the enum", r"^(?!.*Task::STATUSES).*validates\s+:status\b.*inclusion",
     "enum ... validate:", "  validates :status, inclusion: { in: STATUSES }"),
    ("pool: in database.yml", r"^\s*pool:", "max_connections:", '  pool: <%= ENV.fetch("RAILS_MAX_THREADS", 3) %>'),
    ("config.cache_classes", r"config\.cache_classes", "config.enable_reloading", "  config.cache_classes = false"),
    ("Rails.application.secrets", r"Rails\.application\.secrets", "credentials or ENV",
     "Rails.application.secrets.secret_key_base"),
    ("a hand-made login throttle", r"Rack::Attack|increment\(.*login", "rate_limit to:, within:",
     'Rails.cache.increment("login:#{request.remote_ip}")'),
]
IDIOM_IDS = [idiom for idiom, *_ in OLD_IDIOMS]


@pytest.mark.parametrize(("idiom", "pattern", "instead", "example"), OLD_IDIOMS, ids=IDIOM_IDS)
def test_each_old_idiom_pattern_finds_its_example(idiom: str, pattern: str, instead: str, example: str) -> None:
    """The check below is only as good as its patterns: each must catch the dated code it names."""
    assert re.search(pattern, example, re.MULTILINE), f"/{pattern}/ misses {idiom}: {example!r}"


@pytest.mark.parametrize(("idiom", "pattern", "instead", "example"), OLD_IDIOMS, ids=IDIOM_IDS)
def test_template_keeps_to_current_rails_idioms(learner_project: Path, idiom: str, pattern: str, instead: str,
                                               example: str) -> None:
    code = _ruby_code(learner_project, "app/**/*.rb", "config/**/*.rb", "config/*.yml", "db/migrate/*.rb",
                      "db/schema.rb", "lib/**/*.rb")
    found = [f"{path}: {match.group(0)!r}" for path, text in code.items()
             for match in [re.search(pattern, text, re.MULTILINE)] if match]
    assert not found, f"[{STACK}] {idiom} is back; Rails 8.1 writes {instead}: {found}"


def test_template_uses_the_rails_8_1_idioms(learner_project: Path) -> None:
    """Each idiom of issue 14 is where a Rails 8.1 engineer would put it."""
    code = _ruby_code(learner_project, "app/**/*.rb", "config/**/*.rb", "config/*.yml", "db/migrate/*.rb")
    expected = {
        "app/models/login.rb": [r"User\.authenticate_by\(email: "],
        "app/models/user.rb": [r"^\s*has_secure_password\b", r"^\s*normalizes :email, with: ", r"^\s*generates_token_for :access\b",
                               r"find_by_token_for\(:access, "],
        "app/models/task.rb": [r"^\s*enum :status, .*validate: "],
        "app/controllers/api/v1/sessions_controller.rb": [r"^\s*rate_limit to: .*within: "],
        "config/database.yml": [r"^\s*max_connections: "],
        "config/environments/development.rb": [r"config\.active_record\.migration_error = :page_load"],
        "config/environments/production.rb": [r'config\.silence_healthcheck_path = "/health"', r"config\.assume_ssl = true"],
    }
    for path, patterns in expected.items():
        for pattern in patterns:
            assert re.search(pattern, code[path], re.MULTILINE), f"[{STACK}] {path} lacks /{pattern}/"
    migrations = "\n".join(text for path, text in code.items() if path.startswith("db/migrate/"))
    assert re.search(r"add_check_constraint :tasks, \"status IN \('todo', 'doing', 'done'\)\"", migrations), \
        f"[{STACK}] no migration backs the status enum with a check constraint"


# Files a learner's machine runs and this one cannot (Docker, dev container) ----------


def test_compose_works_without_env_and_binds_loopback(learner_project: Path) -> None:
    text = (learner_project / "docker-compose.yml").read_text()
    assert ":?" not in text, f"[{STACK}] a ${{VAR:?}} aborts `docker compose` before .env exists"
    compose = yaml.safe_load(text)
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"[{STACK}] {name} publishes {port} on every interface"


def test_dev_container_mounts_the_project_and_leaves_port_3000_free(learner_project: Path) -> None:
    overlay = yaml.safe_load((learner_project / ".devcontainer/docker-compose.devcontainer.yml").read_text())
    # Compose resolves this file's paths from ../docker-compose.yml's folder: the project root.
    assert overlay["services"]["dev"]["volumes"][0].split(":")[0] == ".", overlay["services"]["dev"]
    # The production `app` service would start with the dev container and take port 3000.
    assert overlay["services"]["app"]["profiles"], overlay["services"]["app"]


def test_image_serves_puma_as_a_non_root_user(learner_project: Path) -> None:
    dockerfile = (learner_project / "Dockerfile").read_text()
    assert re.search(r"^USER 1000:1000$", dockerfile, re.MULTILINE)
    assert 'WEB_CONCURRENCY="2"' in dockerfile and 'RAILS_MAX_THREADS="3"' in dockerfile
    # Rails 8.1's generator, minus Kamal and Thruster.
    for line in ('BUNDLE_DEPLOYMENT="1"', 'BUNDLE_WITHOUT="development"', 'LD_PRELOAD="/usr/local/lib/libjemalloc.so"',
                 "bootsnap precompile -j 1 --gemfile", 'ENTRYPOINT ["/rails/bin/docker-entrypoint"]',
                 'CMD ["./bin/rails", "server"]', "COPY Gemfile Gemfile.lock ./"):
        assert line in dockerfile, f"[{STACK}] the Dockerfile lacks {line!r}"
    code = "\n".join(line for line in dockerfile.splitlines() if not line.startswith("#"))
    assert "thrust" not in code and "kamal" not in code.lower(), f"[{STACK}] Kamal and Thruster are left out"
    workflow = (learner_project / ".github/workflows/ci.yml").read_text()
    assert "RAILS_ENV: test" in workflow and "bin/rails db:test:prepare test" in workflow
    assert "ARGV.unshift(\"--ensure-latest\")" not in (learner_project / "bin/brakeman").read_text()


def test_docker_entrypoint_prepares_the_database_for_the_server_only(tmp_path: Path) -> None:
    """bin/docker-entrypoint, run with a stand-in bin/rails that records its arguments."""
    project = rails.generate(tmp_path, series=None)
    (project / "bin/rails").write_text('#!/bin/sh\necho "rails $*" >> rails.log\n')
    for command, expected in ((["./bin/rails", "server"], "rails db:prepare\nrails server\n"),
                              (["./bin/rails", "console"], "rails console\n")):
        (project / "rails.log").unlink(missing_ok=True)
        result = subprocess.run([str(project / "bin/docker-entrypoint"), *command], cwd=project,
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, f"[{STACK}] bin/docker-entrypoint: {result.stdout}{result.stderr}"
        assert (project / "rails.log").read_text() == expected, command


def test_bin_ci_runs_config_ci_rb_on_active_support_continuous_integration(learner_project: Path) -> None:
    """Rails 8.1's bin/ci shape: config/ci.rb's steps are what the GitHub workflow checks."""
    assert 'require "active_support/continuous_integration"' in (learner_project / "bin/ci").read_text()
    ci = (learner_project / "config/ci.rb").read_text()
    for command in ("bin/setup --skip-server", "bin/rubocop", "bin/brakeman", "bin/rails test"):
        assert f'"{command}' in ci, f"[{STACK}] config/ci.rb lacks the step {command!r}"
    for script in ("setup", "ci", "dev", "docker-entrypoint"):
        assert os.access(learner_project / "bin" / script, os.X_OK), script


def test_readme_command_table_shows_what_make_serve_runs(learner_project: Path) -> None:
    rails.require_toolchain()
    stack_yml = yaml.safe_load((Path(rails.__file__).parents[2] / "templates" / STACK / "stack.yml").read_text())
    env = ["env", "HOST=127.0.0.1", "PORT=4567"]
    recipe = commands.run(STACK, [*env, "make", "-s", "-n", "serve"], cwd=learner_project).stdout.strip()
    table = stack_yml["commands"]["serve"].replace("$HOST", "127.0.0.1").replace("$PORT", "4567")
    assert recipe.splitlines() == [part.strip() for part in table.split("&&")], (recipe, table)
    readme = (learner_project / "README.md").read_text()
    assert f"| `serve` | `{stack_yml['commands']['serve']}` |" in readme
    assert "make serve" in readme and "make run" in readme


def test_make_setup_writes_env_with_a_fresh_secret(tmp_path: Path) -> None:
    """A fresh clone has no .env: `make setup` writes it, and the same `make` already reads it."""
    rails.require_toolchain()
    project = rails.generate(tmp_path, series=None)
    (project / ".env").unlink()
    example = (project / ".env.example").read_text()
    (project / ".env.example").write_text(example.replace("PORT=3000", "PORT=4999"))

    # -n prints the recipes (no bundle install offline) but still makes .env, which make includes.
    output = commands.run(STACK, ["env", "-u", "PORT", "-u", "HOST", "make", "-s", "-n", "setup", "run"],
                          cwd=project).stdout
    assert output.rstrip().endswith("-p 4999"), f"[{STACK}] make did not read the new .env:\n{output}"
    written = (project / ".env").read_text()
    secret = re.search(r"^SECRET_KEY_BASE=(\S+)$", written, re.MULTILINE)
    assert secret and re.fullmatch(r"[0-9a-f]{128}", secret.group(1)), written
    assert written.replace(secret.group(0), "") == example.replace("PORT=3000", "PORT=4999").replace(
        "SECRET_KEY_BASE=replace-with-the-output-of-bin-rails-secret", "")
    assert "/.env\n" in (project / ".gitignore").read_text()


# Servers -------------------------------------------------------------------------------


def test_development_server_answers_health_and_the_demo_login(tmp_path: Path, postgres) -> None:
    """`bin/setup --skip-server` (gems, db:prepare), then `make seed run`:
    Rails' development server (the conformance suite uses `make serve`)."""
    from tests.harness.server import serve, server_output

    rails.require_toolchain()
    project = rails.generate(tmp_path)
    env = {**rails.debian_env(project), "DATABASE_URL": postgres.url("rails_development")}
    output = commands.run(STACK, ["bin/setup", "--skip-server"], cwd=project, env=env, timeout=600).stdout
    assert "== Preparing database ==" in output, output
    # Rails 7.1+'s db:prepare seeds a database that exists but is empty (this one: the harness
    # created it); 6.1's seeds only one it creates itself. `make seed` is idempotent either way.
    with serve(STACK, project, command=["make", "seed", "run"], env=env) as base_url:
        assert requests.get(f"{base_url}/health", timeout=10).json()["status"] == "ok"
        login = requests.post(f"{base_url}/api/v1/auth/login", timeout=30,
                              json={"email": "demo@example.com", "password": "password123"})
        assert login.status_code == 200, login.text
        assert "Strict-Transport-Security" not in login.headers  # development is plain HTTP
        # migration_error = :page_load: a migration not yet run stops every request (a 500
        # problem+json, the reason in the log) until it is run; here, until it is gone again.
        pending = project / "db/migrate/20991231000000_add_pending_column.rb"
        pending.write_text("class AddPendingColumn < ActiveRecord::Migration[6.1]\n"
                           "  def change\n    add_column :tasks, :pending, :string\n  end\nend\n")
        stopped = requests.get(f"{base_url}/health", timeout=30)
        assert stopped.status_code == 500, stopped.text
        log = server_output(base_url, tail=20_000) or ""
        assert "ActiveRecord::PendingMigrationError" in log, log
        pending.unlink()
        assert requests.get(f"{base_url}/health", timeout=30).status_code == 200


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory):
    with rails.production_server(tmp_path_factory.mktemp("rails-production")) as server:
        yield server


def _register(base_url: str) -> tuple[str, dict[str, str]]:
    email = f"load-{uuid.uuid4().hex[:8]}@example.com"
    registered = requests.post(f"{base_url}/api/v1/auth/register", timeout=30,
                               json={"email": email, "password": "password123"})
    assert registered.status_code == 201, registered.text
    login = requests.post(f"{base_url}/api/v1/auth/login", timeout=30,
                          json={"email": email, "password": "password123"})
    assert login.status_code == 200, login.text
    return email, {"Authorization": f"Bearer {login.json()['accessToken']}"}


def test_production_server_runs_as_production(production) -> None:
    base_url = production.running.base_url
    health = requests.get(f"{base_url}/health", timeout=10)
    assert health.status_code == 200
    # assume_ssl + force_ssl: HSTS, no redirect to https behind the (assumed) TLS proxy.
    assert "max-age=" in health.headers.get("Strict-Transport-Security", ""), dict(health.headers)
    # config.hosts: a Host header outside ALLOWED_HOSTS is refused, /health excepted.
    blocked = requests.get(f"{base_url}/api/v1/tasks", headers={"Host": "evil.example"}, timeout=10)
    assert blocked.status_code == 403 and blocked.headers["Content-Type"].startswith("application/problem+json")
    assert requests.get(f"{base_url}/health", headers={"Host": "evil.example"}, timeout=10).status_code == 200
    # Demo data is for development: `db:prepare` did not seed it into production.
    demo = requests.post(f"{base_url}/api/v1/auth/login", timeout=30,
                         json={"email": "demo@example.com", "password": "password123"})
    assert demo.status_code == 401, demo.text
    from tests.harness.server import server_output

    server_log = server_output(base_url, tail=12_000) or ""
    assert "Workers: 2" in server_log and "Environment: production" in server_log, server_log
    # silence_healthcheck_path: the health checks above left no trace; the login did.
    assert 'Started POST "/api/v1/auth/login"' in server_log, server_log
    assert 'Started GET "/health"' not in server_log, server_log


def test_database_refuses_an_unknown_status(production) -> None:
    """The enum's check constraint: a row written around the model still gets a known status."""
    email, _ = _register(production.running.base_url)
    sql = ("INSERT INTO tasks (user_id, title, status, created_at, updated_at) "
           "SELECT id, 'Sneaky', 'blocked', now(), now() FROM users WHERE email = lower(:'email');")
    with pytest.raises(AssertionError, match="tasks_status_check"):
        rails.psql(production.database_url, sql, email=email)


def test_production_refuses_the_placeholder_secret(production) -> None:
    env = {**production.env, "SECRET_KEY_BASE": "replace-with-the-output-of-bin-rails-secret",
           "HOST": "127.0.0.1", "PORT": "9"}
    result = subprocess.run(["make", "serve"], cwd=production.project, env={**os.environ, **env},
                            capture_output=True, text=True, timeout=300, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"[{STACK}] production started with the placeholder secret:\n{output}"
    assert "SECRET_KEY_BASE is missing or still the placeholder" in output, output
    assert "Traceback" not in output and "rails aborted" not in output, output


def test_concurrent_registrations_of_one_email_give_one_account(production) -> None:
    """Both Puma workers race on one e-mail: exactly one 201, the others 409, never a 500."""
    from concurrent.futures import ThreadPoolExecutor

    email = f"race-{uuid.uuid4().hex[:8]}@example.com"

    def register(_: int) -> int:
        return requests.post(f"{production.running.base_url}/api/v1/auth/register", timeout=60,
                             json={"email": email, "password": "password123"}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(pool.map(register, range(8)))
    assert statuses == [201] + [409] * 7, statuses


def test_insert_tasks_fills_the_list(production) -> None:
    base_url = production.running.base_url
    email, headers = _register(base_url)
    production.running.insert_tasks(email, 1000)

    everything = requests.get(f"{base_url}/api/v1/tasks", headers=headers, timeout=30).json()
    assert everything["totalItems"] == 1000 and everything["totalPages"] == 50
    todo = requests.get(f"{base_url}/api/v1/tasks", params={"status": "todo", "sort": "-createdAt", "pageSize": 100},
                        headers=headers, timeout=30).json()
    assert todo["totalItems"] == 333, todo["totalItems"]  # every third task of 1..1000
    created = [task["createdAt"] for task in todo["items"]]
    assert len(todo["items"]) == 100 and created == sorted(created, reverse=True) and len(set(created)) == 100
    assert {task["status"] for task in todo["items"]} == {"todo"}
    due = requests.get(f"{base_url}/api/v1/tasks", params={"sort": "dueDate", "page": 6, "pageSize": 100},
                       headers=headers, timeout=30).json()
    assert due["items"] and all(task["dueDate"] is None for task in due["items"])  # 500 dated, then 500 not


def test_list_query_plans_use_the_indexes_at_scale(production) -> None:
    """EXPLAIN the list's own SQL (from the app) after 100,000 tasks: index scans, no sort, no seq scan."""
    email, headers = _register(production.running.base_url)
    production.running.insert_tasks(email, 100_000)
    todo = requests.get(f"{production.running.base_url}/api/v1/tasks", params={"status": "todo"},
                        headers=headers, timeout=30).json()
    assert todo["totalItems"] == 33_333 and len(todo["items"]) == 20, todo["totalItems"]
    script = (
        "user = User.find_by!(email: ARGV.first); "
        "query = TaskListQuery.new(status: 'todo', sort: '-createdAt'); "
        "tasks = user.tasks.where(status: 'todo'); "
        "puts query.paginate(user).first.to_sql; puts tasks.select('COUNT(*)').to_sql"
    )
    # bin/rails alone does not read .env (make does): hand it the project's secret.
    secret = re.search(r"^SECRET_KEY_BASE=(\S+)$", (production.project / ".env").read_text(), re.MULTILINE).group(1)
    output = commands.run(STACK, ["bin/rails", "runner", script, email], cwd=production.project,
                          env={**production.env, "SECRET_KEY_BASE": secret}, timeout=300).stdout
    page_sql, count_sql = [line for line in output.splitlines() if line.startswith("SELECT")][-2:]
    page_plan = rails.psql(production.database_url, f"EXPLAIN {page_sql};")
    count_plan = rails.psql(production.database_url, f"EXPLAIN {count_sql};")
    assert "index_tasks_on_user_id_and_status_and_created_at_and_id" in page_plan, page_plan
    assert "Sort" not in page_plan and "Seq Scan" not in page_plan, page_plan
    # totalItems reads the user's counters; were it counted, the index alone would serve it.
    assert "Index Only Scan" in count_plan and "Seq Scan" not in count_plan, count_plan


# Exercises: the driver's launcher serves checkouts of older commits -----------------


def test_debian_gemfile_goes_into_a_git_worktree_checkout(tmp_path: Path) -> None:
    """`git worktree` checkouts (the exercise checks run older commits so) have a .git file,
    not a folder: the harness's Gemfile is still copied in and kept out of `git status`."""
    project = rails.generate(tmp_path)
    checkout = tmp_path / "checkout"
    git(project, "worktree", "add", "--detach", str(checkout), "HEAD")
    env = rails.debian_env(checkout)
    assert Path(env["BUNDLE_GEMFILE"]) == checkout / rails.GEMFILE_NAME
    assert (checkout / rails.GEMFILE_NAME).is_file()
    assert git(checkout, "status", "--porcelain") == "", f"[{STACK}] the harness Gemfile shows in git status"
    rails.debian_env(checkout)  # twice: the exclude lines are not repeated
    exclude = Path(git(checkout, "rev-parse", "--path-format=absolute", "--git-path", "info/exclude").strip())
    assert exclude.read_text().count(f"/{rails.GEMFILE_NAME}\n") == 1
