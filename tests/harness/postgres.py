"""A throwaway PostgreSQL server (Debian's packages) on a free port.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess

from .throwaway import ThrowawayServer


def pg_bin(name: str) -> str | None:
    """Find a PostgreSQL server binary: on PATH or in Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


class PostgresServer(ThrowawayServer):
    """Start with `with PostgresServer() as pg:`; `pg.url(dbname)` creates and returns a database URL."""

    user = "app"
    password = "app-password"

    name = "pg"

    def __init__(self) -> None:
        super().__init__()
        self.datadir = self.tmp / "data"
        self._as_postgres = os.geteuid() == 0

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *args] if self._as_postgres else list(args)

    def _run(self, *args: str) -> str:
        result = subprocess.run(self._cmd(*args), text=True, capture_output=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"PostgreSQL: `{' '.join(args)}` failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def start(self) -> "PostgresServer":
        initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
        if not (initdb and pg_ctl):
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        if self._as_postgres:
            shutil.chown(self.tmp, "postgres")
        pwfile = self.tmp / "pw"
        pwfile.write_text(self.password)
        if self._as_postgres:
            shutil.chown(pwfile, "postgres")
        self._run(initdb, "-D", str(self.datadir), "-U", self.user, "--pwfile", str(pwfile),
                  "-A", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8")
        self._run(pg_ctl, "-D", str(self.datadir), "-l", str(self.tmp / "log"), "-w", "-t", "60",
                  "-o", f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off",
                  "start")
        return self

    def _shutdown(self) -> None:
        pg_ctl = pg_bin("pg_ctl")
        if pg_ctl and self.datadir.exists():
            subprocess.run(self._cmd(pg_ctl, "-D", str(self.datadir), "-m", "immediate", "stop"),
                           capture_output=True, timeout=60)

    def create_database(self, name: str) -> None:
        psql = shutil.which("psql") or pg_bin("psql")
        env = {**os.environ, "PGPASSWORD": self.password}
        subprocess.run(
            [psql, "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, "-d", "postgres",
             "-v", "ON_ERROR_STOP=1", "-c", f'CREATE DATABASE "{name}"'],
            check=True, capture_output=True, env=env, timeout=60,
        )

    def url(self, name: str, create: bool = True) -> str:
        if create:
            self.create_database(name)
        return f"postgres://{self.user}:{self.password}@127.0.0.1:{self.port}/{name}"


def psql(stack: str, database_url: str, sql: str, timeout: float = 600, **variables: object) -> str:
    """Run the script `sql` through psql (`:name`/`:'name'` are `variables`), each statement
    committed, stopping at the first error; returns what it printed (unaligned, tuples only)."""
    psql_bin = shutil.which("psql") or pg_bin("psql")
    if not psql_bin:
        from .toolchain import unavailable

        unavailable("psql (PostgreSQL client) not found (.ci/provision/postgres.sh)")
    command = [str(psql_bin), "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1",
               *(f"--set={name}={value}" for name, value in variables.items()), "-d", database_url]
    result = subprocess.run(command, input=sql, text=True, capture_output=True, timeout=timeout,
                            env={**os.environ, "PGCONNECT_TIMEOUT": "10"}, check=False)
    if result.returncode != 0:
        raise AssertionError(f"[{stack}] psql failed ({result.returncode}):\n{sql}\n"
                             f"{result.stdout}{result.stderr}")
    return result.stdout
