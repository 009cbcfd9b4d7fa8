"""Wiring of the conformance suite (loaded by tests/conftest.py).

Two modes:
- `python -m pytest tests/conformance --base-url http://127.0.0.1:8000`: the suite
  runs once against a server that is already running.
- Without --base-url: the suite runs once per stack of `templates/` (every folder
  with a `stack.yml`), through its driver `tests/stacks/<module>.py` (`served(workdir)`,
  see tests.stacks.StackDriver). A stack without a driver, or whose driver does not
  import, fails its conformance tests instead of being left out. The target is a
  session-scoped parametrized fixture, so pytest groups the tests by stack and only
  one generated project's server runs at a time. Test ids carry the stack id, and
  each test carries `@pytest.mark.stack(<id>)` (so `-m "not stack"` leaves them out
  and `--stack <id>` keeps one stack's).

The contract these tests check is docs/tasks-api-v1.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType

import pytest

from tests.harness.server import server_output
from tests.stacks import driver, module_name, stack_ids

from .client import Api, User
from .contract import Contract

STACKS_PACKAGE = "tests.stacks"

# target id -> operation -> (generated requests sent, their answers by status) in the property-based run
GENERATED_REQUESTS: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)


@dataclass(frozen=True)
class Target:
    id: str
    base_url: str | None = None
    module: ModuleType | None = None
    problem: str | None = None  # why this stack cannot be a target (its tests fail with it)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("conformance", "Tasks API v1 conformance suite")
    group.addoption(
        "--base-url",
        default=None,
        help="run the conformance suite against this running server instead of the stacks",
    )
    group.addoption(
        "--task-field",
        action="append",
        default=[],
        metavar="NAME",
        help="a member a task may carry beyond the contract's seven (repeatable): "
        "what the exercises add, e.g. projectId, holiday",
    )
    group.addoption(
        "--conformance-examples",
        type=int,
        default=25,
        help="generated requests per operation in the property-based run (default 25)",
    )


@cache
def discover_stacks() -> tuple[Target, ...]:
    """One target per stack of templates/, whether or not it has a working driver."""
    targets = []
    for stack_id in stack_ids():
        name = f"{STACKS_PACKAGE}.{module_name(stack_id)}"
        try:
            module = driver(stack_id)
        except ModuleNotFoundError as exc:
            problem = (
                f"the stack has no driver: add tests/stacks/{module_name(stack_id)}.py"
                if exc.name == name
                else f"{name}: {exc!r}"
            )
            targets.append(Target(id=stack_id, problem=problem))
            continue
        except Exception as exc:  # noqa: BLE001 - a broken driver fails its tests, not collection
            targets.append(Target(id=stack_id, problem=f"{name}: {exc!r}"))
            continue
        if not callable(getattr(module, "served", None)):
            targets.append(Target(id=stack_id, problem=f"{name} has no served(workdir)"))
            continue
        targets.append(Target(id=stack_id, module=module))
    return tuple(targets)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "conformance_target" not in metafunc.fixturenames:
        return
    base_url = metafunc.config.getoption("--base-url")
    if base_url:
        # A server someone else runs: not a stack test (no marker).
        params = [pytest.param(Target(id="base-url", base_url=base_url.rstrip("/")), id="base-url")]
    else:
        params = [
            pytest.param(target, id=target.id, marks=pytest.mark.stack(target.id))
            for target in discover_stacks()
        ]
    metafunc.parametrize("conformance_target", params, indirect=True, scope="session")


@pytest.fixture(scope="session")
def conformance_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The base URL of the server under test (for a stack: its generated project, served)."""
    target: Target = request.param
    if target.problem:
        pytest.fail(
            f"[{target.id}] cannot run the conformance suite: {target.problem}",
            pytrace=False,
        )
    if target.base_url:
        yield target.base_url
        return
    assert target.module is not None  # a stack target without a problem has its driver
    workdir = tmp_path_factory.mktemp(f"conformance-{target.id}")
    with target.module.served(workdir) as base_url:
        yield base_url.rstrip("/")


@pytest.fixture(scope="session")
def extra_task_fields(request: pytest.FixtureRequest) -> frozenset[str]:
    """Members a task may carry beyond the contract's (--task-field): a project with
    exercises solved adds some (projects-migration's projectId, holiday-service's holiday)."""
    return frozenset(request.config.getoption("--task-field"))


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
