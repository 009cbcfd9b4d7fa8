"""Shared fixtures. The conformance suite's options and fixtures come from its plugin;
the `stack` marker's rules and the `--stack` option from tests/stack_marker.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.harness.releases import Release

pytest_plugins = ["tests.conformance.plugin", "tests.stack_marker"]


@pytest.fixture(scope="session", autouse=True)
def scaffolder_home(tmp_path_factory: pytest.TempPathFactory):
    """Keep the template store of this test run out of the user's own data folder."""
    home = tmp_path_factory.mktemp("scaffolder-home")
    previous = os.environ.get("SCAFFOLDER_HOME")
    os.environ["SCAFFOLDER_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("SCAFFOLDER_HOME", None)
    else:
        os.environ["SCAFFOLDER_HOME"] = previous


@pytest.fixture
def release(tmp_path: Path) -> Release:
    """A copy of the templates, released as 1.0.0, that an update test can move on."""
    return Release(tmp_path)


@pytest.fixture(scope="session")
def postgres():
    """One throwaway PostgreSQL server for the whole run; each user creates its own database."""
    from tests.harness.postgres import PostgresServer, pg_bin
    from tests.harness.toolchain import require, unavailable

    require("psql", why="PostgreSQL client from Debian's postgresql-client")
    if not (pg_bin("initdb") and pg_bin("pg_ctl")):
        unavailable("PostgreSQL server binaries (Debian's postgresql) are not installed")
    with PostgresServer() as server:
        yield server
