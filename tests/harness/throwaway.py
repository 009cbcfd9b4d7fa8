"""What every throwaway database server of the tests shares: a free port, a temporary
folder removed on stop, and `with Server() as server:` that stops it also on failure."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Self

from .ports import free_port


class ThrowawayServer:
    """Subclasses implement `start()` (returning self) and `_shutdown()`."""

    name = "server"

    def __init__(self) -> None:
        self.port = free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix=f"scaffolder-{self.name}-"))

    def start(self) -> Self:
        raise NotImplementedError

    def _shutdown(self) -> None:
        """Stop the server process(es); the folder is removed afterwards."""

    def stop(self) -> None:
        try:
            self._shutdown()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    @staticmethod
    def end_process(process: subprocess.Popen | None, grace: float = 30) -> None:
        """Terminate, then kill if it will not stop within `grace` seconds."""
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> Self:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()
