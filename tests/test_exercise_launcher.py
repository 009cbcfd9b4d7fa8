"""scaffold's own launcher (scaffolder.exercise.launch.ProjectLauncher): the throwaway
database of each kind on a real database server (the harness's throwaway PostgreSQL,
MariaDB and FerretDB; no generated project needed), what it says when no server answers,
the server start, and checkout() of an older commit."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from scaffolder.exercise.checking import CannotRun, Check
from scaffolder.exercise.launch import Database, ProjectLauncher, exercise_data
from scaffolder.exercise.server import checkout, free_port
from tests.stacks import stack_ids


def launcher_for(project: Path, stack: str, **kw: Any) -> ProjectLauncher:
    return ProjectLauncher(project, stack, data=exercise_data(stack), **kw)


def write_env(project: Path, **settings: str | int) -> Path:
    project.mkdir(parents=True, exist_ok=True)
    (project / ".env").write_text(
        "# a comment\n" + "".join(f"{key}={value}\n" for key, value in settings.items())
    )
    return project


@pytest.mark.parametrize("stack", stack_ids())
def test_every_stack_says_how_a_check_runs_it(stack: str) -> None:
    data = exercise_data(stack)
    assert data["database"]["kind"] in {"postgresql", "mysql", "mongodb", "h2"}, stack
    assert data["server"] == "make migrate run", stack
    assert ".env" in data["local_files"], stack


@pytest.mark.parametrize(
    ("stack", "settings", "server"),
    [
        (
            "django-postgres",
            {"DATABASE_URL": "postgres://app:app@127.0.0.1:{port}/my_api"},
            "PostgreSQL",
        ),
        (
            "rails-postgres",
            {"PGHOST": "127.0.0.1", "PGPORT": "{port}", "PGUSER": "app", "PGPASSWORD": "app"},
            "PostgreSQL",
        ),
        ("laravel-mysql", {"DATABASE_URL": "mysql://app:pw@127.0.0.1:{port}/my_api"}, "MySQL"),
        ("express-mongo", {"MONGODB_URI": "mongodb://127.0.0.1:{port}/my_api"}, "MongoDB"),
    ],
)
def test_no_database_server_is_cannot_run_saying_where_and_how_to_start_one(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stack: str,
    settings: dict[str, str],
    server: str,
) -> None:
    port = free_port()  # nothing listens there
    for key in ("DATABASE_URL", "MONGODB_URI", "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD"):
        monkeypatch.delenv(key, raising=False)
    project = write_env(
        tmp_path / "my-api", **{k: v.format(port=port) for k, v in settings.items()}
    )
    with pytest.raises(CannotRun) as failure, launcher_for(project, stack).database():
        pass
    message = str(failure.value)
    assert message.startswith(f"no {server} server answered on 127.0.0.1:{port}"), message
    assert "make db-up" in message and "\n" not in message


def test_the_environment_wins_over_the_project_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    project = write_env(tmp_path / "my-api", DATABASE_URL="postgres://app:app@127.0.0.1:1/x")
    monkeypatch.setenv("DATABASE_URL", f"postgres://app:app@127.0.0.1:{port}/x")
    with (
        pytest.raises(CannotRun, match=f"127.0.0.1:{port}"),
        launcher_for(project, "django-postgres").database(),
    ):
        pass
    # and --database-url wins over both
    other = free_port()
    url = f"postgres://app:app@127.0.0.1:{other}/x"
    with (
        pytest.raises(CannotRun, match=f"127.0.0.1:{other}"),
        launcher_for(project, "django-postgres", database_url=url).database(),
    ):
        pass


# A server that answers /health and /env (the environment it was started with).
ENV_SERVER = """
import json, os
from http.server import BaseHTTPRequestHandler, HTTPServer
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps(dict(os.environ)).encode()
        self.send_response(200 if self.path in ("/health", "/env") else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
HTTPServer((os.environ["HOST"], int(os.environ["PORT"])), H).serve_forever()
"""


def test_h2_is_a_temporary_file_database_and_the_server_gets_its_env(tmp_path: Path) -> None:
    import requests

    project = tmp_path / "my-api"
    project.mkdir()
    (project / "server.py").write_text(ENV_SERVER)
    data = {**exercise_data("spring-oracle"), "server": f"{sys.executable} server.py"}
    launcher = ProjectLauncher(project, "spring-oracle", data=data)
    said: list[str] = []
    with launcher.database() as database:
        url = database.env["SPRING_DATASOURCE_URL"]
        assert database.env["SPRING_PROFILES_ACTIVE"] == "h2"
        assert url.startswith("jdbc:h2:file:") and url.endswith(
            "/tasks;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
        )
        folder = Path(url.removeprefix("jdbc:h2:file:").split(";")[0]).parent
        assert folder.is_dir()
        with launcher.serve(
            project, database, {"LOGIN_THROTTLE_WINDOW_SECONDS": "3"}, said.append
        ) as base_url:
            env = requests.get(f"{base_url}/env", timeout=10).json()
    assert not folder.exists()
    assert env["SPRING_DATASOURCE_URL"] == url and env["LOGIN_THROTTLE_WINDOW_SECONDS"] == "3"
    assert env["HOST"] == "127.0.0.1" and base_url.endswith(f":{env['PORT']}")
    assert said and said[0].startswith(f"Starting `{sys.executable} server.py`")


def test_h2_with_a_learner_database_url_uses_it_as_is(tmp_path: Path) -> None:
    url = "jdbc:oracle:thin:@//db.example:1521/FREEPDB1"
    with launcher_for(tmp_path, "spring-oracle", database_url=url).database() as database:
        assert database.env == {"DATABASE_URL": url}


def test_a_server_that_does_not_start_is_cannot_run_with_its_output(tmp_path: Path) -> None:
    data = {
        **exercise_data("django-postgres"),
        "server": f"{sys.executable} -c print('no-such-table');exit(4)",
    }
    launcher = ProjectLauncher(tmp_path, "django-postgres", data=data)
    with (
        pytest.raises(CannotRun) as failure,
        launcher.serve(tmp_path, Database("none"), {}, lambda message: None),
    ):
        pass
    assert "exited 4" in str(failure.value) and "no-such-table" in str(failure.value)


# Real database servers ---------------------------------------------------------------------


def test_postgresql_database_is_created_and_dropped(tmp_path: Path) -> None:
    import psycopg

    from tests.harness.postgres import PostgresServer, pg_bin
    from tests.harness.toolchain import unavailable

    if not (pg_bin("initdb") and pg_bin("pg_ctl")):
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found")
    with PostgresServer() as pg:
        django = write_env(tmp_path / "my-api", DATABASE_URL=pg.url("my_api"))
        rails = write_env(
            tmp_path / "rails" / "my-api",
            PGHOST="127.0.0.1",
            PGPORT=pg.port,
            PGUSER=pg.user,
            PGPASSWORD=pg.password,
        )
        names = []
        for project, stack in ((django, "django-postgres"), (rails, "rails-postgres")):
            with launcher_for(
                project,
                stack,
            ).database() as database:
                url = database.env["DATABASE_URL"]
                name = url.rsplit("/", 1)[1]
                names.append(name)
                assert name.startswith("my_api_check_") and name in database.label
                with psycopg.connect(url, autocommit=True) as connection:
                    connection.execute("CREATE TABLE t (id int)")
                if stack == "rails-postgres":
                    assert database.env["PGPORT"] == str(pg.port)
        with psycopg.connect(pg.url("postgres", create=False), autocommit=True) as connection:
            left = {row[0] for row in connection.execute("SELECT datname FROM pg_database")}
        assert not left & set(names)


def test_mysql_database_is_created_by_admin_when_the_app_user_may_not(tmp_path: Path) -> None:
    import pymysql

    from tests.harness import mariadb
    from tests.harness.mariadb import MariaDBServer
    from tests.harness.toolchain import unavailable

    if not mariadb.available():
        unavailable("MariaDB server binaries not found (.ci/provision/mysql.sh)")
    with MariaDBServer() as db:
        # As MySQL's image does it: the app's user gets its one database, root the rest.
        db.sql(
            "CREATE DATABASE my_api; CREATE USER 'app1'@'%' IDENTIFIED BY 'pw1';"
            "GRANT ALL ON my_api.* TO 'app1'@'%';"
            "CREATE USER 'boss'@'%' IDENTIFIED BY 'boss-pw';"
            "GRANT ALL ON *.* TO 'boss'@'%' WITH GRANT OPTION;"
        )
        project = write_env(
            tmp_path / "my-api", DATABASE_URL=f"mysql://app1:pw1@127.0.0.1:{db.port}/my_api"
        )
        data = dict(exercise_data("laravel-mysql"))
        data["database"] = {**data["database"], "admin": {"user": "boss", "password": "boss-pw"}}
        with ProjectLauncher(project, "laravel-mysql", data=data).database() as database:
            name = database.env["DB_DATABASE"]
            assert name.startswith("my_api_check_")
            assert database.env["DATABASE_URL"] == f"mysql://app1:pw1@127.0.0.1:{db.port}/{name}"
            assert (database.env["DB_USERNAME"], database.env["DB_PORT"]) == ("app1", str(db.port))
            connection = pymysql.connect(
                host="127.0.0.1", port=db.port, user="app1", password="pw1", database=name
            )
            with connection.cursor() as cursor:
                cursor.execute("CREATE TABLE t (id int)")
            connection.close()
        assert name not in db.sql("SHOW DATABASES")

        # Without an admin account, the app's user's refusal is the sentence.
        data["database"] = {k: v for k, v in data["database"].items() if k != "admin"}
        with (
            pytest.raises(CannotRun, match="refused"),
            ProjectLauncher(project, "laravel-mysql", data=data).database(),
        ):
            pass


def test_mongodb_database_is_a_new_name_dropped_afterwards(tmp_path: Path) -> None:
    import pymongo

    from tests.harness.mongo import MongoServer, ferretdb_binary
    from tests.harness.toolchain import unavailable

    if not ferretdb_binary():
        unavailable("FerretDB not found (.ci/provision/mongo.sh)")
    with MongoServer() as mongo:
        project = write_env(tmp_path / "my-api", MONGODB_URI=mongo.uri("my_api"))
        with launcher_for(project, "express-mongo").database() as database:
            uri = database.env["MONGODB_URI"]
            name = uri.rsplit("/", 1)[1]
            assert name.startswith("my_api_check_")
            with pymongo.MongoClient(uri) as client:
                client[name]["tasks"].insert_one({"title": "kept until the end"})
                assert name in client.list_database_names()
        with pymongo.MongoClient(mongo.uri("admin")) as client:
            assert name not in client.list_database_names()


# checkout() ---------------------------------------------------------------------------------


def git(project: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(project), *args], check=True, capture_output=True, text=True
    ).stdout


def test_checkout_is_an_older_commit_with_the_dependencies_linked(tmp_path: Path) -> None:
    project = tmp_path / "my-api"
    project.mkdir()
    git(project, "init", "-q")
    git(project, "config", "user.email", "t@example.com")
    git(project, "config", "user.name", "T")
    (project / ".gitignore").write_text(".env\n.venv/\nvendor/\n")
    (project / "app.txt").write_text("old\n")
    git(project, "add", ".")
    git(project, "commit", "-qm", "start")
    start = git(project, "rev-parse", "HEAD").strip()
    (project / "app.txt").write_text("new\n")
    git(project, "commit", "-qam", "solution")
    (project / ".env").write_text("SECRET=x\n")
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / "vendor" / "autoload").mkdir(parents=True)

    with checkout(
        project, start, links=[".venv", ".env", "node_modules"], copies=["vendor"]
    ) as tree:
        assert tree.name == "my-api" and tree != project
        assert (tree / "app.txt").read_text() == "old\n"
        assert (tree / ".venv").is_symlink() and (tree / ".venv" / "bin").is_dir()
        assert (tree / ".env").read_text() == "SECRET=x\n"
        assert not (tree / "node_modules").exists()  # the project has none
        assert (tree / "vendor" / "autoload").is_dir() and not (tree / "vendor").is_symlink()
        assert str(tree) in git(project, "worktree", "list")
    assert not tree.exists()
    assert str(tree) not in git(project, "worktree", "list")
    assert (project / "app.txt").read_text() == "new\n" and (project / ".venv").is_dir()

    missing = uuid.uuid4().hex
    with (
        pytest.raises(CannotRun, match=f"could not check out commit {missing}"),
        checkout(project, missing, links=[]),
    ):
        pass


def test_checkout_finds_the_links_of_the_project_stack(tmp_path: Path) -> None:
    project = tmp_path / "my-api"
    project.mkdir()
    git(project, "init", "-q")
    git(project, "config", "user.email", "t@example.com")
    git(project, "config", "user.name", "T")
    (project / ".copier-answers.yml").write_text(json.dumps({"stack": "express-mongo"}))
    (project / ".gitignore").write_text("node_modules/\n")
    git(project, "add", ".")
    git(project, "commit", "-qm", "start")
    (project / "node_modules").mkdir()
    with checkout(project, "HEAD") as tree:
        assert (tree / "node_modules").is_symlink()


def test_a_stack_without_exercise_data_cannot_run_inside_the_check(tmp_path: Path) -> None:
    from scaffolder.exercise.runner import CheckTarget, run_check

    launcher = ProjectLauncher(tmp_path, "cobol-db2")  # no error before the run
    run = run_check(
        [CheckTarget("x", Check(), {}, None)],
        project=tmp_path,
        stack="cobol-db2",
        launcher=launcher,
    )
    assert run.exit_code == 2 and "unknown stack 'cobol-db2'" in (run.could_not_run or "")


@pytest.mark.stack("django-postgres")
def test_a_generated_project_is_checked_on_its_throwaway_database(tmp_path: Path) -> None:
    """ProjectLauncher end to end, on a django-postgres project: a setup serves a checkout
    of the project's first commit and registers a user; the one server start of the
    project itself then sees that user (same database), with the checks' env."""
    from scaffolder.exercise.checking import RuleContext, SetupContext
    from scaffolder.exercise.report import text_report
    from scaffolder.exercise.runner import CheckTarget, run_check
    from scaffolder.http.client import Api
    from tests.harness.postgres import PostgresServer
    from tests.stacks import django_postgres

    django_postgres.require_toolchain()
    project = django_postgres.prepared_project(tmp_path)
    first_commit = git(project, "rev-list", "--max-parents=0", "HEAD").strip()
    check = Check(env={"LOGIN_THROTTLE_WINDOW_SECONDS": "3"})

    @check.setup
    def old_user(ctx: SetupContext) -> Any:
        assert ctx.launcher is not None and ctx.database is not None and ctx.project
        with (
            checkout(ctx.project, ctx.start_commit or "") as starter,
            ctx.launcher.serve(starter, ctx.database, {}, lambda message: None) as url,
        ):
            assert (starter / ".venv").is_symlink()
            ctx.state["user"] = Api(url).new_user()
        yield {"HOLIDAYS_COUNTRY": "FR"}

    @check.rule("old-user-logs-in")
    def old_user_logs_in(ctx: RuleContext) -> None:
        response = ctx.api.login(ctx.state["user"].email)
        ctx.expect(response.status_code == 200, "200: the user the old commit made", response)
        ctx.expect(ctx.env["HOLIDAYS_COUNTRY"] == "FR", "the setup's env")

    with PostgresServer() as pg:
        launcher = ProjectLauncher(project, "django-postgres", database_url=pg.url("my_api"))
        run = run_check(
            [CheckTarget("toy", check, {}, first_commit)],
            project=project,
            stack="django-postgres",
            launcher=launcher,
        )
    assert run.exit_code == 0, f"[django-postgres] {text_report(run)}"
    assert str(project) in git(project, "worktree", "list")
    assert len(git(project, "worktree", "list").splitlines()) == 1
