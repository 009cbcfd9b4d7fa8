"""The exercises' checks agree with their exercise.yml, and the parts of them that need no
server behave: cart-pricing's named carts sit on the boundaries they name (by model.py) and
catch the rounds-per-order mutant, and holiday-service's stub upstream counts, slows down,
fails and breaks as the rules need. Whether a check passes a reference solution and fails
its mutants on a real server is tests/test_exercise_proof.py's part."""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import json
import math
import sys
import threading
import time
import types
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from scaffolder.exercise.checking import Check

EXERCISES = Path(__file__).resolve().parents[1] / "exercises"
CHECKED = sorted(folder.name for folder in EXERCISES.iterdir() if (folder / "check.py").is_file())


def load_sibling(folder: Path, name: str) -> types.ModuleType:
    """A module of an exercise folder, imported by path the way the engine does."""
    sys.path.insert(0, str(folder))
    try:
        spec = importlib.util.spec_from_file_location(
            f"{folder.name}_{name}", folder / f"{name}.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(folder))


def exercise_data(exercise_id: str) -> dict[str, Any]:
    return dict(yaml.safe_load((EXERCISES / exercise_id / "exercise.yml").read_text()))


def test_the_four_exercises_of_part_one_have_checks() -> None:
    assert {"cart-pricing", "login-throttling", "projects-migration", "holiday-service"} <= set(
        CHECKED
    ), f"checks found: {CHECKED}"


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_check_rules_are_exercise_yml_rules_in_order(exercise_id: str) -> None:
    check = load_sibling(EXERCISES / exercise_id, "check").check
    assert isinstance(check, Check), f"{exercise_id}/check.py: `check` is not a Check"
    declared = [rule["name"] for rule in exercise_data(exercise_id)["rules"]]
    assert list(check.rules) == declared, (
        f"{exercise_id}: check.py's rules {list(check.rules)} differ from exercise.yml's {declared}"
    )


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_exercise_yml_names_rules_that_exist(exercise_id: str) -> None:
    data = exercise_data(exercise_id)
    names = [rule["name"] for rule in data["rules"]]
    assert data["id"] == exercise_id
    assert data["fails_on_starter"] in names, f"{exercise_id}: fails_on_starter names no rule"
    assert data["mutants"], f"{exercise_id}: part one names a mutant for every exercise"
    for mutant in data["mutants"]:
        assert mutant["fails"] in names, f"{exercise_id}: mutant {mutant['name']} fails no rule"
    for rule in data["rules"]:
        hints = rule["hint"] if isinstance(rule["hint"], list) else [rule["hint"]]
        assert isinstance(rule["says"], str) and rule["says"], f"{exercise_id}: {rule['name']}"
        assert hints and all(isinstance(h, str) and h for h in hints), (
            f"{exercise_id}: {rule['name']}'s hints must be strings (quote a line with ': ')"
        )


# cart-pricing -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cart_check() -> types.ModuleType:
    return load_sibling(EXERCISES / "cart-pricing", "check")


def test_each_named_cart_sits_on_its_boundary(cart_check: types.ModuleType) -> None:
    for case in cart_check.NAMED_CARTS:
        priced = cart_check.model.price(case.quantities, case.coupon).as_json()
        off = {k: (v, priced[k]) for k, v in case.sits_on.items() if priced[k] != v}
        assert case.sits_on and not off, f"{case.name!r}: (named, model) {off}"


def test_named_carts_cover_the_boundaries_of_the_spec(cart_check: types.ModuleType) -> None:
    model = cart_check.model
    weights, nets, shipping = set(), set(), set()
    for case in cart_check.NAMED_CARTS:
        priced = model.price(case.quantities, case.coupon)
        weights.add(sum(model.CATALOGUE[s][3] * n for s, n in case.quantities.items()))
        nets.add(priced.subtotal_cents - priced.discount_cents)
        shipping.add(priced.shipping_cents)
    assert {0, 1000, 1050, 5000} <= weights, sorted(weights)
    assert {4999, 5000} <= nets, sorted(nets)
    assert {0, 499, 899, 1099, 1299} <= shipping, sorted(shipping)
    coupons = [case.coupon for case in cart_check.NAMED_CARTS]
    # a coupon switch happens by a PUT over the current one: SAVE10 -> FREESHIP -> SAVE10
    switches = {(a, b) for a, b in itertools.pairwise(coupons) if a and b and a != b}
    assert {("SAVE10", "FREESHIP"), ("FREESHIP", "SAVE10")} <= switches, coupons


def test_named_carts_catch_rounding_per_order(cart_check: types.ModuleType) -> None:
    """The rounds-per-order mutant (discount and tax rounded once, on the order's totals)
    prices at least one named cart differently, so pricing-boundaries fails it."""
    model = cart_check.model

    def per_order(quantities: Mapping[str, int], coupon: str | None) -> tuple[int, int]:
        kept = Fraction(90, 100) if coupon == "SAVE10" else Fraction(1)
        lines = [
            (model.CATALOGUE[sku][1] * n, model.CATALOGUE[sku][2]) for sku, n in quantities.items()
        ]
        subtotal = sum(total for total, _ in lines)
        discount = model.percent_half_up(subtotal, 10) if coupon == "SAVE10" else 0
        exact_tax = sum(total * kept * model.TAX_RATES[category] / 100 for total, category in lines)
        return discount, math.floor(exact_tax + Fraction(1, 2))

    caught = []
    for case in cart_check.NAMED_CARTS:
        priced = model.price(case.quantities, case.coupon)
        if per_order(case.quantities, case.coupon) != (priced.discount_cents, priced.tax_cents):
            caught.append(case.name)
    assert {
        "half a cent of SAVE10 on each of two lines",
        "half a cent of tax on each of two lines",
    } <= set(caught), f"the named carts that tell per-line from per-order rounding: {caught}"


def test_random_carts_are_valid_and_the_same_every_run(cart_check: types.ModuleType) -> None:
    """pricing-random's Hypothesis carts: valid for the model, derandomized (a learner's fix
    meets the same carts), and covering both coupons, no coupon and large carts."""

    def carts() -> list:
        seen: list = []
        cart_check.hypothesis_carts(seen.append)
        return seen

    first = carts()
    assert first == carts()
    assert len(first) >= cart_check.RANDOM_CARTS // 2
    for quantities, coupon in first:
        cart_check.model.price(quantities, coupon)  # raises on an unknown sku or quantity
    assert {coupon for _, coupon in first} == {None, "SAVE10", "FREESHIP"}
    assert any(len(quantities) >= 4 for quantities, _ in first)


def test_first_difference_names_the_field(cart_check: types.ModuleType) -> None:
    expected = cart_check.model.price({"MUG-001": 2}, "SAVE10").as_json()
    assert cart_check.first_difference(expected, json.loads(json.dumps(expected))) is None
    wrong = dict(expected, taxCents=expected["taxCents"] + 1)
    assert cart_check.first_difference(expected, wrong).startswith("taxCents is ")
    floats = dict(expected, totalCents=float(expected["totalCents"]))
    assert "totalCents" in cart_check.first_difference(expected, floats)
    lines = dict(expected, items=[dict(expected["items"][0], quantity="2")])
    assert "items[MUG-001].quantity" in cart_check.first_difference(expected, lines)
    assert "lacks" in cart_check.first_difference(expected, {"items": []})


# holiday-service's stub upstream ---------------------------------------------------------


@pytest.fixture(scope="module")
def upstream() -> types.ModuleType:
    return load_sibling(EXERCISES / "holiday-service", "upstream")


def get(stub: Any, year: int, country: str = "US", timeout: float = 10) -> requests.Response:
    with requests.Session() as session:
        session.trust_env = False
        return session.get(f"{stub.url}/api/v3/PublicHolidays/{year}/{country}", timeout=timeout)


def test_stub_answers_the_nager_date_shape_and_counts_calls(upstream: types.ModuleType) -> None:
    with upstream.StubUpstream() as stub:
        response = get(stub, 2031)
        assert response.status_code == 200, response.text
        days = response.json()
        assert {"date", "localName", "name", "countryCode", "counties"} <= set(days[0])
        by_date: dict[str, list[dict[str, Any]]] = {}
        for day in days:
            assert day["date"].startswith("2031-") and day["countryCode"] == "US"
            by_date.setdefault(day["date"], []).append(day)
        assert all(day["counties"] for day in by_date["2031-03-17"]), "a regional-only date"
        assert [bool(d["counties"]) for d in by_date["2031-10-12"]] == [True, False, False]
        get(stub, 2031)
        get(stub, 2031, "DE")
        get(stub, 2032)
        assert stub.calls[(2031, "US")] == 2 and stub.calls[(2031, "DE")] == 1
        assert stub.calls_for(2031) == 3 and stub.calls_for(2032) == 1
        assert stub.countries() == {"US", "DE"}


def test_stub_fails_per_year_as_told(upstream: types.ModuleType) -> None:
    with upstream.StubUpstream() as stub:
        stub.set_mode(2040, "500")
        stub.set_mode(2041, "garbage")
        stub.set_mode(2042, "wrong-shape")
        stub.set_mode(2043, "404")
        assert get(stub, 2040).status_code == 500
        garbage = get(stub, 2041)
        assert garbage.status_code == 200
        with pytest.raises(ValueError):
            garbage.json()
        assert isinstance(get(stub, 2042).json(), dict)
        assert get(stub, 2043).status_code == 404
        assert get(stub, 2044).status_code == 200, "other years are unaffected"
        stub.set_mode(2040, "ok")
        assert get(stub, 2040).status_code == 200, "a year can be mended"
        assert stub.calls_for(2040) == 2, "failed calls are counted too"
        with pytest.raises(ValueError):
            stub.set_mode(2040, "sometimes")


def test_stub_slow_answers_late_and_stops_promptly(upstream: types.ModuleType) -> None:
    with upstream.StubUpstream() as stub:
        stub.set_mode(2050, "slow")
        started = time.monotonic()
        with pytest.raises(requests.Timeout):
            get(stub, 2050, timeout=1)
        assert 1 <= time.monotonic() - started < upstream.SLOW_SECONDS
        started = time.monotonic()
        assert get(stub, 2050).status_code == 200, "a slow answer is a good one, late"
        assert time.monotonic() - started >= upstream.SLOW_SECONDS > 3
        # a request still waiting when the check ends does not hold the check up
        waiting = threading.Thread(target=_quietly, args=(get, stub, 2050), daemon=True)
        waiting.start()
        time.sleep(0.3)
        started = time.monotonic()
    assert time.monotonic() - started < 2, "leaving the stub waited for a slow answer"


def _quietly(function: Any, *args: Any) -> None:
    with contextlib.suppress(requests.RequestException):
        function(*args)
