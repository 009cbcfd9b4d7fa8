"""A throwaway MongoDB wire-protocol server on a free port: FerretDB v1 on SQLite.

No `mongod` can be installed on our CI machines (MongoDB's downloads are not
reachable), so stack tests talk to FerretDB — a real server that speaks the
MongoDB wire protocol (it reports itself as MongoDB 7.0) and stores data in
SQLite files under a temporary directory. It is built from the Go module proxy
by `.ci/provision/mongo.sh`. It is never an in-process mock: the generated
project's driver connects to it over TCP exactly as it would to `mongod`.

Known gaps of FerretDB v1 that the templates avoid: transactions, collations,
and some aggregation stages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .ports import wait_for_port
from .throwaway import ThrowawayServer

FERRETDB_VERSION = "v1.24.0"
CACHE_DIR = Path.home() / ".cache" / "scaffolder-ci" / "ferretdb"


def ferretdb_binary() -> str | None:
    """$FERRETDB_BIN, the binary built by .ci/provision/mongo.sh, or `ferretdb` on PATH."""
    candidates = [
        os.environ.get("FERRETDB_BIN"),
        str(CACHE_DIR / f"ferretdb-{FERRETDB_VERSION}"),
        shutil.which("ferretdb"),
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class MongoServer(ThrowawayServer):
    """Start with `with MongoServer() as mongo:`; `mongo.uri(dbname)` is a MONGODB_URI."""

    name = "mongo"

    def __init__(self) -> None:
        super().__init__()
        self.binary = ferretdb_binary()
        self.process: subprocess.Popen[bytes] | None = None
        self.description = f"FerretDB {FERRETDB_VERSION} (SQLite backend, MongoDB wire protocol)"

    def start(self) -> "MongoServer":
        if not self.binary:
            raise RuntimeError(
                f"FerretDB {FERRETDB_VERSION} not found: run .ci/provision/mongo.sh "
                "or set FERRETDB_BIN"
            )
        data = self.tmp / "data"
        data.mkdir()
        self._log = open(self.tmp / "log", "wb")
        self.process = subprocess.Popen(
            [
                self.binary,
                "--handler=sqlite",
                f"--sqlite-url=file:{data}/",
                f"--listen-addr=127.0.0.1:{self.port}",
                "--debug-addr=-",  # no metrics listener: it would clash between servers
                "--telemetry=disable",
                f"--state-dir={self.tmp}",
                "--log-level=WARN",
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if not wait_for_port(self.port, timeout=30):
            self.stop()
            raise RuntimeError(f"FerretDB did not listen on port {self.port}:\n{self.log()}")
        return self

    def log(self) -> str:
        path = self.tmp / "log"
        return path.read_text(errors="replace") if path.exists() else ""

    def uri(self, dbname: str) -> str:
        # FerretDB's SQLite backend keeps one file per database: any name works, no CREATE needed.
        return f"mongodb://127.0.0.1:{self.port}/{dbname}"

    def _shutdown(self) -> None:
        self.end_process(self.process, grace=10)
        if getattr(self, "_log", None):
            self._log.close()
