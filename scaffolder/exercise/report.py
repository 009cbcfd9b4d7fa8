"""The check report: text for a terminal, and JSON in Exercism's results.json v3 shape.

Text, one block per rule:

    cart-pricing
      PASS  products-catalogue
      FAIL  pricing-boundaries
            $ curl -i -X POST http://127.0.0.1:8000/api/v1/cart/quote -H '...' --data-raw '{...}'
            expected: 200 and total 10.80
            got:      200 (application/json) {"total": "10.81"}
            hint:     round each line, not the order total

JSON (https://exercism.org/docs/building/tooling/test-runners/interface): `version: 3`,
`status` pass/fail/error, `message` (why it could not run), and `tests` with each rule's
`name`, `status`, `message`, plus this report's own `exercise`, `rule`, `expected`,
`got`, `curl`, `hint` and `seconds`.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from scaffolder.exercise.runner import CheckRun, RuleResult

_LABEL_WIDTH = 10  # "expected: " and friends, so values line up


def result_lines(result: RuleResult, indent: str = "  ") -> list[str]:
    """One rule's lines: PASS/FAIL and its name; for a failure, what was sent and seen."""
    lines = [f"{indent}{'PASS' if result.passed else 'FAIL'}  {result.rule}"]
    if result.passed:
        return lines
    detail = indent + " " * 6
    if result.curl:
        lines.append(f"{detail}$ {result.curl}")
    for label, value in (("expected", result.expected), ("got", result.got), ("hint", result.hint)):
        if value:
            lines += _labelled(detail, label, value)
    return lines


def _labelled(indent: str, label: str, value: str) -> list[str]:
    head = f"{label}:".ljust(_LABEL_WIDTH)
    first, *rest = value.strip().splitlines() or [""]
    return [f"{indent}{head}{first}"] + [
        textwrap.indent(line, indent + " " * _LABEL_WIDTH) for line in rest
    ]


def text_report(run: CheckRun) -> str:
    """The whole run for a terminal, ending with a one-line verdict."""
    lines: list[str] = []
    for exercise in run.exercises:
        if not exercise.results:
            continue
        lines.append(exercise.exercise_id)
        for result in exercise.results:
            lines += result_lines(result)
    if run.server_env and run.exit_code != 0:
        shown = " ".join(f"{key}={value}" for key, value in run.server_env.items())
        lines.append(f"(the check expects your server to run with {shown})")
    lines.append(verdict(run))
    return "\n".join(lines)


def verdict(run: CheckRun) -> str:
    if run.could_not_run is not None:
        return f"Could not run the check: {run.could_not_run}"
    results = run.results
    failed = sum(not result.passed for result in results)
    if not failed:
        return f"All {len(results)} rules pass."
    return f"{failed} of {len(results)} rules failed."


def json_report(run: CheckRun) -> dict[str, Any]:
    """The run as Exercism's results.json version 3 (with this report's own extra keys)."""
    status = {0: "pass", 1: "fail"}.get(run.exit_code, "error")
    report: dict[str, Any] = {"version": 3, "status": status}
    if run.could_not_run is not None:
        report["message"] = run.could_not_run
    elif status == "fail":
        report["message"] = verdict(run)
    else:
        report["message"] = None
    report["tests"] = [_json_test(result) for result in run.results]
    if run.server_env:
        report["server_env"] = dict(run.server_env)
    return report


def _json_test(result: RuleResult) -> dict[str, Any]:
    message = None
    if not result.passed:
        message = f"expected {result.expected}; got {result.got}" if result.got else result.expected
    return {
        "name": f"{result.exercise_id}: {result.rule}",
        "status": "pass" if result.passed else "fail",
        "message": message,
        "test_code": result.curl or "",
        "exercise": result.exercise_id,
        "rule": result.rule,
        "expected": result.expected or None,
        "got": result.got or None,
        "curl": result.curl,
        "hint": result.hint,
        "seconds": result.seconds,
    }


def json_text(run: CheckRun) -> str:
    return json.dumps(json_report(run), indent=2, ensure_ascii=False)
