"""Wiring of the conformance suite (loaded by tests/conftest.py).

Two modes:
- `python -m pytest tests/conformance --base-url http://127.0.0.1:8000`: the suite
  runs once against a server that is already running.
- Without --base-url: the suite runs once per stack that has a harness module
  `tests/stacks/<module>.py` defining `STACK` and `served(workdir)`. The target is a
  session-scoped parametrized fixture, so pytest groups the tests by stack and only
  one generated project's server runs at a time. Test ids carry the stack id.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from tests.harness.server import server_output

from .client import Api, User
from .contract import Contract

STACKS_PACKAGE = "tests.stacks"
STACKS_DIR = Path(__file__).resolve().parents[1] / "stacks"

# target id -> operation -> (generated requests sent, their answers by status) in the property-based run
GENERATED_REQUESTS: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)


@dataclass(frozen=True)
class Target:
    id: str
    base_url: str | None = None
    module: ModuleType | None = None
    import_error: str | None = None


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("conformance", "Tasks API v1 conformance suite")
    group.addoption(
        "--base-url",
        default=None,
        help="run the conformance suite against this running server instead of the stacks",
    )
    group.addoption(
        "--conformance-examples",
        type=int,
        default=25,
        help="generated requests per operation in the property-based run (default 25)",
    )


@cache
def discover_stacks() -> tuple[Target, ...]:
    targets = []
    for info in sorted(pkgutil.iter_modules([str(STACKS_DIR)]), key=lambda i: i.name):
        name = f"{STACKS_PACKAGE}.{info.name}"
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - a broken harness module fails its tests, not collection
            targets.append(Target(id=info.name, import_error=f"{name}: {exc!r}"))
            continue
        if hasattr(module, "STACK") and callable(getattr(module, "served", None)):
            targets.append(Target(id=module.STACK, module=module))
    return tuple(targets)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "conformance_target" not in metafunc.fixturenames:
        return
    base_url = metafunc.config.getoption("--base-url")
    if base_url:
        targets = (Target(id="base-url", base_url=base_url.rstrip("/")),)
    else:
        targets = discover_stacks()
    metafunc.parametrize(
        "conformance_target", targets, ids=[t.id for t in targets], indirect=True, scope="session"
    )


@pytest.fixture(scope="session")
def conformance_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The base URL of the server under test (for a stack: its generated project, served)."""
    target: Target = request.param
    if target.import_error:
        pytest.fail(
            f"[{target.id}] the stack's harness module does not import: {target.import_error}",
            pytrace=False,
        )
    if target.base_url:
        yield target.base_url
        return
    workdir = tmp_path_factory.mktemp(f"conformance-{target.id}")
    with target.module.served(workdir) as base_url:
        yield base_url.rstrip("/")


@pytest.fixture
def target_id(request: pytest.FixtureRequest, conformance_target: str) -> str:
    """The stack id (or "base-url") of the current test."""
    return request.node.callspec.params["conformance_target"].id


@pytest.fixture(scope="session")
def base_url(conformance_target: str) -> str:
    return conformance_target


@pytest.fixture(scope="session")
def contract() -> Contract:
    return Contract()


@pytest.fixture
def api(base_url: str, contract: Contract) -> Api:
    """Records what it receives; the plugin checks it against the document after the test body."""
    return Api(base_url, contract)


@pytest.fixture(scope="session")
def setup_api(base_url: str, contract: Contract) -> Api:
    """For fixtures' set-up requests (not checked against the document; the tests are)."""
    return Api(base_url, contract, record=False)


@pytest.fixture(scope="module")
def user(setup_api: Api) -> User:
    return setup_api.new_user()


@pytest.fixture(scope="module")
def other_user(setup_api: Api) -> User:
    return setup_api.new_user()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    # The test's own rule first; then every response it received must match the document.
    result = yield
    api = getattr(item, "funcargs", {}).get("api")
    if isinstance(api, Api):
        api.raise_on_violations()
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    # A failing test against a served stack shows the end of that server's own output
    # (a 500's stack trace is there, not in the response).
    report = yield
    base_url = getattr(item, "funcargs", {}).get("base_url")
    if report.failed and call.when == "call" and base_url:
        output = server_output(base_url)
        if output:
            report.sections.append(("server output (last lines)", output))
    return report


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if not GENERATED_REQUESTS:
        return
    terminalreporter.section("conformance: property-based run")
    for target, counts in GENERATED_REQUESTS.items():
        total = sum(sent for sent, _ in counts.values())
        terminalreporter.write_line(
            f"[{target}] {total} generated requests sent over {len(counts)} operations"
        )
        for operation, (sent, answers) in sorted(counts.items()):
            terminalreporter.write_line(f"    {operation}: {sent} ({answers})")
