"""A throwaway MariaDB server (Debian's packages) on a free port, in a temporary datadir.

MariaDB speaks the MySQL protocol, so it stands in for MySQL 8.4 (which Debian does not
ship). As root it runs with `--user=root`; the app connects over TCP as a password user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time

from .throwaway import ThrowawayServer


def mariadb_bin(name: str) -> str | None:
    """Find a server binary: on PATH, or in /usr/sbin (not on every user's PATH)."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")


def available() -> bool:
    return all(mariadb_bin(tool) for tool in ("mariadbd", "mariadb-install-db", "mariadb"))


class MariaDBServer(ThrowawayServer):
    """Start with `with MariaDBServer() as db:`; `db.url(name)` creates a database and returns its URL."""

    user = "app"
    password = "app-password"

    name = "mariadb"

    def __init__(self) -> None:
        super().__init__()
        self.datadir = self.tmp / "data"
        self.socket = self.tmp / "mysqld.sock"
        self.process: subprocess.Popen[bytes] | None = None

    def _user_args(self) -> list[str]:
        return ["--user=root"] if os.geteuid() == 0 else []

    def start(self) -> "MariaDBServer":
        install_db, server = mariadb_bin("mariadb-install-db"), mariadb_bin("mariadbd")
        if not (install_db and server):
            raise RuntimeError("MariaDB server binaries (mariadb-install-db, mariadbd) not found")
        result = subprocess.run(
            [install_db, "--no-defaults", f"--datadir={self.datadir}", *self._user_args(),
             "--auth-root-authentication-method=normal", "--skip-test-db"],
            capture_output=True, text=True, timeout=180,
        )
        if result.returncode != 0:
            raise RuntimeError(f"mariadb-install-db failed:\n{result.stdout}{result.stderr}")
        log = open(self.tmp / "server.log", "wb")  # noqa: SIM115 - closed with the process
        # Durability settings off: a test database is thrown away, speed matters more.
        self.process = subprocess.Popen(
            [server, "--no-defaults", f"--datadir={self.datadir}", *self._user_args(),
             f"--port={self.port}", "--bind-address=127.0.0.1", f"--socket={self.socket}",
             f"--pid-file={self.tmp / 'mysqld.pid'}", "--skip-log-bin", "--skip-name-resolve",
             "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0",
             "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"],
            stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()
        self._wait_ready()
        self.sql(f"CREATE USER '{self.user}'@'%' IDENTIFIED BY '{self.password}';"
                  f"GRANT ALL PRIVILEGES ON *.* TO '{self.user}'@'%';")
        return self

    def _wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                break
            probe = subprocess.run(
                [mariadb_bin("mariadb-admin") or "mariadb-admin", f"--socket={self.socket}",
                 "-uroot", "ping"], capture_output=True, timeout=10,
            )
            if probe.returncode == 0:
                return
            time.sleep(0.3)
        log = (self.tmp / "server.log").read_text(errors="replace") if (self.tmp / "server.log").exists() else ""
        raise RuntimeError(f"MariaDB did not start on port {self.port}:\n{log[-4000:]}")

    def sql(self, statements: str) -> str:
        """Run SQL as root over the socket; returns the `--batch` output."""
        result = subprocess.run(
            [mariadb_bin("mariadb") or "mariadb", f"--socket={self.socket}", "-uroot",
             "--batch", "-e", statements],
            capture_output=True, text=True, timeout=60,
        )
        if result.returncode != 0:
            raise RuntimeError(f"MariaDB: `{statements}` failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def create_database(self, name: str) -> None:
        self.sql(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")

    def url(self, name: str, create: bool = True) -> str:
        if create:
            self.create_database(name)
        return f"mysql://{self.user}:{self.password}@127.0.0.1:{self.port}/{name}"

    def _shutdown(self) -> None:
        self.end_process(self.process, grace=30)
