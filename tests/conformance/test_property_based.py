"""Property-based run derived from the OpenAPI document (Hypothesis; see generation.py).

For every operation of the document, Hypothesis generates requests from its parameters
and body schema (mostly valid, some deliberately off); every answer must not be a 5xx
and must match the document (status documented for the operation, required headers,
media type, body schema). Bounded by --conformance-examples per operation and
derandomized, so a run is repeatable and short. The number of requests sent is recorded
per operation (`generated_requests` in the JUnit report), printed, and summed up at the
end of the terminal report.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st

from .client import Api, User
from .contract import Contract
from .generation import GeneratedRequest, Generator
from .plugin import GENERATED_REQUESTS

RULE = "generated requests (property-based, from docs/openapi.yaml) get no 5xx and only documented answers"

OPERATIONS = [
    (path, method.upper())
    for path, item in Contract().raw["paths"].items()
    for method in item
    if method in ("get", "post", "patch", "delete", "put")
]


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_generated_requests_conform(
    setup_api: Api,
    user: User,
    contract: Contract,
    target_id: str,
    record_property,
    pytestconfig: pytest.Config,
    path: str,
    method: str,
) -> None:
    api = Api(setup_api.base_url, contract)  # its own session; violations are checked per request
    # A pool of the user's real task ids, so /tasks/{id} answers 200/204 too, not only 404.
    real = [setup_api.create_task(user, title=f"Property-based target {n}")["id"] for n in range(3)]
    strategy = Generator(contract).request(
        path, method, real_ids=st.integers(0, len(real) - 1).map(lambda i: real[i])
    )
    sent = 0
    statuses: Counter[int] = Counter()
    failure = None

    @settings(
        max_examples=pytestconfig.getoption("--conformance-examples"),
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        verbosity=Verbosity.quiet,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(request=strategy)
    def run(request: GeneratedRequest) -> None:
        nonlocal sent, failure
        headers = dict(request.headers)
        body = None
        if request.has_body:  # JSON text, so a null body is sent as `null`, not left out
            body = json.dumps(request.body).encode()
            headers["Content-Type"] = "application/json"
        response = api.request(
            request.method,
            request.path,
            user=user,
            params=request.query,
            headers=headers,
            data=body,
        )
        sent += 1
        statuses[response.status_code] += 1
        problems = api.violations([response])
        api.received.clear()
        if response.status_code >= 500:
            problems.insert(
                0, f"{request.method} {request.path} answered {response.status_code}: a 5xx"
            )
        if problems:
            failure = (
                f"{request}\n  -> {response.status_code} "
                f"{response.headers.get('Content-Type')}: {response.content[:500]!r}"
            )
            raise AssertionError("\n".join(problems))
        if method == "DELETE" and response.status_code == 204:
            deleted = request.path.rsplit("/", 1)[-1]
            if deleted in real:  # keep the pool alive
                real[real.index(deleted)] = setup_api.create_task(
                    user, title="Property-based target"
                )["id"]

    try:
        run()
    except AssertionError as exc:
        raise AssertionError(
            f"[rule: {RULE}] {method} {path}, after {sent} generated requests:\n{exc}\n"
            f"request: {failure}"
        ) from None
    finally:
        answers = ", ".join(f"{code}x{n}" for code, n in sorted(statuses.items()))
        GENERATED_REQUESTS[target_id][f"{method} {path}"] = (sent, answers)
        record_property("generated_requests", sent)
        record_property("generated_answers", answers)
        print(f"[{target_id}] {method} {path}: {sent} generated requests sent ({answers})")
    assert sent > 0, f"[rule: {RULE}] no request was generated for {method} {path}"
