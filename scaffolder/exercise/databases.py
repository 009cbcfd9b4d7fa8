"""A throwaway database for one check run, on the learner's own database server.

Where that server is comes from the stack's `exercise.database` data (templates/<stack>/
stack.yml) and the project's settings: .env.example, its `.env`, then the process environment
(as the project's Makefile reads them), or the learner's `--database-url`. The database
gets a name of its own (`<name>_check_<hex>`), is created before the server starts and
dropped afterwards, through each kind's pure-Python driver (imported only when used):

- postgresql: psycopg; `env` holds the URL (django: DATABASE_URL); `parts` names the
  variables to compose it from when `env` is unset (rails: PGHOST, PGPORT, ...).
- mysql: PyMySQL; DATABASE_URL, and the DB_* variables set to match (laravel). When the
  app's user may not create databases (the MySQL image grants it one database), `admin`
  (the root account of the project's docker-compose.yml) creates it and grants it.
- mongodb: pymongo; MONGODB_URI with another database name (created on first write).
- h2: no server; a temporary folder for an H2 file database (spring's `h2` profile).

No server reachable is CannotRun, saying what was tried and how to start one.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from scaffolder.exercise.checking import CannotRun
from scaffolder.exercise.launch import Database

CONNECT_TIMEOUT = 5  # seconds: a database server that is up answers at once
START_HINT = "start it with `make db-up` (or give --database-url)"


def project_settings(project: Path, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The project's settings as its Makefile sees them: .env.example's defaults, the
    learner's `.env` over them, and the environment over both."""
    settings: dict[str, str] = {}
    for name in (".env.example", ".env"):
        dotenv = project / name
        if not dotenv.is_file():
            continue
        for line in dotenv.read_text(encoding="utf-8", errors="replace").splitlines():
            match = re.match(r"\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$", line)
            if match:
                settings[match.group(1)] = match.group(2).strip().strip("'\"")
    settings.update(os.environ if environ is None else environ)
    return settings


@dataclass(frozen=True)
class Location:
    """Where a database server is, and as whom to connect."""

    scheme: str
    host: str
    port: int
    user: str
    password: str
    name: str  # the learner's database's name ("" when none is known)
    query: str = ""

    @classmethod
    def parse(cls, url: str, default_port: int) -> Location:
        parts = urlsplit(url)
        try:
            port = parts.port or default_port
        except ValueError:
            raise CannotRun(f"the database URL {_hide_password(url)} has a bad port") from None
        return cls(
            scheme=parts.scheme,
            host=parts.hostname or "localhost",
            port=port,
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            name=parts.path.lstrip("/"),
            query=parts.query,
        )

    def url(self, name: str | None = None) -> str:
        credentials = quote(self.user, safe="")
        if self.password:
            credentials += ":" + quote(self.password, safe="")
        netloc = f"{credentials}@" if credentials else ""
        netloc += f"{self.host}:{self.port}"
        return urlunsplit(
            (self.scheme, netloc, "/" + (self.name if name is None else name), self.query, "")
        )

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def _hide_password(url: str) -> str:
    return re.sub(r"://([^:/@]*):[^@]*@", r"://\1:***@", url)


def check_name(base: str) -> str:
    """`<base>_check_<hex>`: a new database name no other run uses."""
    stem = re.sub(r"[^a-z0-9_]", "_", base.lower()).strip("_")[:40] or "scaffold"
    return f"{stem}_check_{uuid.uuid4().hex[:8]}"


def throwaway(
    spec: Mapping[str, Any],
    project: Path,
    *,
    database_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> contextlib.AbstractContextManager[Database]:
    """A new database of `spec['kind']` for one check run, dropped when the block ends."""
    kind = spec.get("kind")
    settings = project_settings(project, environ)
    base = re.sub(r"[^a-z0-9_]", "_", project.name.lower())
    if kind == "postgresql":
        return _postgresql(spec, _location(spec, settings, database_url, 5432, "postgres"), base)
    if kind == "mysql":
        return _mysql(spec, _location(spec, settings, database_url, 3306, "mysql"), base)
    if kind == "mongodb":
        return _mongodb(spec, _location(spec, settings, database_url, 27017, "mongodb"), base)
    if kind == "h2":
        return _h2(spec, database_url)
    raise CannotRun(f"this stack's database kind {kind!r} is not one scaffold can check")


def _location(
    spec: Mapping[str, Any],
    settings: Mapping[str, str],
    database_url: str | None,
    default_port: int,
    scheme: str,
) -> Location:
    """The learner's server: --database-url, else the `env` URL, else the `parts`."""
    url = database_url or settings.get(str(spec.get("env", "")), "")
    if url:
        return Location.parse(url, default_port)
    parts: Mapping[str, str] = spec.get("parts") or {}
    defaults: Mapping[str, Any] = spec.get("defaults") or {}

    def part(key: str) -> str:
        return settings.get(parts.get(key, ""), "") or str(defaults.get(key, ""))

    if not parts:
        raise CannotRun(
            f"no {spec.get('env')} in the project's .env or the environment: "
            "set it, or give --database-url"
        )
    port = part("port")
    return Location(
        scheme=scheme,
        host=part("host") or "localhost",
        port=int(port) if port.isdigit() else default_port,
        user=part("user"),
        password=part("password"),
        name=part("name"),
    )


def _env_for(spec: Mapping[str, Any], where: Location, name: str) -> dict[str, str]:
    """The server's environment for database `name`: the URL, and each `parts` variable."""
    env = {str(spec["env"]): where.url(name)} if spec.get("env") else {}
    values = {
        "host": where.host,
        "port": str(where.port),
        "user": where.user,
        "password": where.password,
        "name": name,
    }
    for key, variable in (spec.get("parts") or {}).items():
        if key in values:
            env[str(variable)] = values[key]
    return env


def _first_line(exc: BaseException) -> str:
    # PyMySQL's errors are (code, message) tuples: the message is the sentence.
    args = exc.args
    message = args[1] if len(args) == 2 and isinstance(args[1], str) else str(exc)
    text = message.strip().splitlines()
    return text[0] if text else type(exc).__name__


def _unreachable(label: str, where: Location, exc: BaseException) -> CannotRun:
    return CannotRun(
        f"no {label} server answered on {where.where} as {where.user or '(no user)'} "
        f"({_first_line(exc)}): {START_HINT}"
    )


# PostgreSQL ------------------------------------------------------------------------------


@contextlib.contextmanager
def _postgresql(spec: Mapping[str, Any], where: Location, base: str) -> Iterator[Database]:
    import psycopg
    from psycopg import sql

    name = check_name(where.name or base)

    def admin() -> psycopg.Connection[Any]:
        # The maintenance database first; the learner's own if that one is not allowed.
        last: Exception = CannotRun("no database to connect to")
        for dbname in dict.fromkeys(["postgres", where.name or "postgres", "template1"]):
            try:
                return psycopg.connect(
                    host=where.host,
                    port=where.port,
                    user=where.user or None,
                    password=where.password or None,
                    dbname=dbname,
                    autocommit=True,
                    connect_timeout=CONNECT_TIMEOUT,
                )
            except psycopg.OperationalError as exc:
                last = exc
                if "does not exist" not in str(exc) and "permission" not in str(exc):
                    break
        raise _unreachable("PostgreSQL", where, last)

    with admin() as connection:
        try:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.Error as exc:
            raise CannotRun(
                f"PostgreSQL on {where.where} would not create a database for the check "
                f"as {where.user} ({_first_line(exc)})"
            ) from None
    try:
        yield Database(
            label=f"PostgreSQL database {name} on {where.where}", env=_env_for(spec, where, name)
        )
    finally:
        with contextlib.suppress(psycopg.Error, CannotRun), admin() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


# MySQL / MariaDB -------------------------------------------------------------------------


@contextlib.contextmanager
def _mysql(spec: Mapping[str, Any], where: Location, base: str) -> Iterator[Database]:
    import pymysql

    name = check_name(where.name or base)
    admin_spec: Mapping[str, Any] = spec.get("admin") or {}

    def connect(user: str, password: str) -> Any:
        return pymysql.connect(
            host=where.host,
            port=where.port,
            user=user,
            password=password,
            connect_timeout=CONNECT_TIMEOUT,
            autocommit=True,
        )

    def run(statements: list[str]) -> None:
        """As the app's user; as `admin` when that user may not (MySQL error 1044)."""
        try:
            connection = connect(where.user, where.password)
        except pymysql.err.OperationalError as exc:
            raise _unreachable("MySQL", where, exc) from None
        try:
            with connection.cursor() as cursor:
                cursor.execute(statements[0])
            return
        except pymysql.err.OperationalError as exc:
            denied = exc.args and exc.args[0] in (1044, 1045, 1227)
            if not (denied and admin_spec):
                raise CannotRun(f"MySQL on {where.where} refused: {_first_line(exc)}") from None
        finally:
            connection.close()
        try:
            connection = connect(
                str(admin_spec.get("user", "root")), str(admin_spec.get("password", ""))
            )
        except pymysql.err.OperationalError as exc:
            raise CannotRun(
                f"MySQL on {where.where}: {where.user} may not create a database, and "
                f"{admin_spec.get('user')} cannot log in ({_first_line(exc)}); give "
                "--database-url with a user that may"
            ) from None
        try:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        except pymysql.err.MySQLError as exc:
            raise CannotRun(f"MySQL on {where.where} refused: {_first_line(exc)}") from None
        finally:
            connection.close()

    run(
        [
            f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            f"GRANT ALL PRIVILEGES ON `{name}`.* TO '{where.user}'@'%'",
        ]
    )
    try:
        yield Database(
            label=f"MySQL database {name} on {where.where}", env=_env_for(spec, where, name)
        )
    finally:
        with contextlib.suppress(CannotRun, pymysql.err.MySQLError):
            run([f"DROP DATABASE IF EXISTS `{name}`"])


# MongoDB ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _mongodb(spec: Mapping[str, Any], where: Location, base: str) -> Iterator[Database]:
    import pymongo
    import pymongo.errors

    name = check_name(where.name or base)
    url = where.url(name)
    client: pymongo.MongoClient[Any] = pymongo.MongoClient(
        url, serverSelectionTimeoutMS=CONNECT_TIMEOUT * 1000, connect=False
    )
    try:
        try:
            client.admin.command("ping")
        except pymongo.errors.PyMongoError as exc:
            raise _unreachable("MongoDB", where, exc) from None
        env = {str(spec["env"]): url} if spec.get("env") else {}
        try:
            yield Database(label=f"MongoDB database {name} on {where.where}", env=env)
        finally:
            with contextlib.suppress(pymongo.errors.PyMongoError):
                client.drop_database(name)
    finally:
        client.close()


# H2 (spring) -----------------------------------------------------------------------------


@contextlib.contextmanager
def _h2(spec: Mapping[str, Any], database_url: str | None) -> Iterator[Database]:
    if database_url:
        # The learner's own database (e.g. Oracle): the project's settings, pointed at it.
        yield Database(
            label=f"your database at {_hide_password(database_url)}",
            env={str(spec.get("learner_env", "DATABASE_URL")): database_url},
        )
        return
    folder = Path(tempfile.mkdtemp(prefix="scaffold-check-h2-"))
    try:
        url = str(spec["url"]).format(file=folder / "tasks")
        env = {
            str(spec["env"]): url,
            **{str(k): str(v) for k, v in (spec.get("set") or {}).items()},
        }
        yield Database(label=f"H2 database in {folder}", env=env)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
