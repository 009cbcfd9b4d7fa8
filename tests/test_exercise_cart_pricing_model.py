"""The oracle of the `cart-pricing` check (exercises/cart-pricing/model.py) prices the
spec's boundary carts as the rules say, worked out by hand below, and keeps its
invariants on random carts. A wrong oracle would fail every learner, so it is tested
on its own, before any server is."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

MODEL_PATH = Path(__file__).resolve().parents[1] / "exercises" / "cart-pricing" / "model.py"
_spec = importlib.util.spec_from_file_location("cart_pricing_model", MODEL_PATH)
assert _spec and _spec.loader
model = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = model  # dataclasses look their module up while it loads
_spec.loader.exec_module(model)


# (case, quantities, coupon, expected (subtotal, discount, tax, shipping, total))
# Each total is worked out by hand from the rules, not by the model.
CASES = [
    ("empty cart ships free", {}, None, (0, 0, 0, 0, 0)),
    ("empty cart keeps a coupon at zero", {}, "SAVE10", (0, 0, 0, 0, 0)),
    # BOOK 3299 + MUG 1250 + BREAD 450 = 4999, one cent under free shipping; 1850 g -> 899.
    # tax: 3299*5 -> 164.95 -> 165; 1250*20 -> 250; 450*5 -> 22.5 -> 23 (half up)
    ("4999 cents pays shipping",
     {"BOOK-001": 1, "MUG-001": 1, "BREAD-01": 1}, None, (4999, 0, 438, 899, 6336)),
    # two gift cards: exactly 5000, weight 0, exempt
    ("5000 cents ships free", {"GIFT-025": 2}, None, (5000, 0, 0, 0, 5000)),
    # the threshold is after the discount: 5000 - 500 = 4500 < 5000, weight 0 -> 499
    ("the discount can bring a cart under the threshold",
     {"GIFT-025": 2}, "SAVE10", (5000, 500, 0, 499, 4999)),
    # BREAD + TEE = 1000 g exactly: 499. tax 450*5 -> 23, 1999*20 -> 399.8 -> 400
    ("1000 g ships at 499", {"BREAD-01": 1, "TEE-001": 1}, None, (2449, 0, 423, 499, 3371)),
    # MUG x3 = 1050 g, the first weight over 1000 g this catalogue reaches: 899
    ("over 1000 g ships at 899", {"MUG-001": 3}, None, (3750, 0, 750, 899, 5399)),
    # BREAD x6 + TEE = 5000 g exactly: 899. tax 2700*5 -> 135, 1999*20 -> 400
    ("5000 g ships at 899", {"BREAD-01": 6, "TEE-001": 1}, None, (4699, 0, 535, 899, 6133)),
    # BREAD x7 = 5600 g: one started kilogram over 5000 g -> 899 + 200
    ("a started kilogram over 5000 g", {"BREAD-01": 7}, None, (3150, 0, 158, 1099, 4407)),
    # BREAD x8 = 6400 g: two started kilograms -> 899 + 400
    ("two started kilograms", {"BREAD-01": 8}, None, (3600, 0, 180, 1299, 5079)),
    # TEE x5 = 9995: discount 999.5 -> 1000 (half up, per line); tax (9995-1000)*20 = 1799
    ("half a cent of discount rounds up",
     {"TEE-001": 5}, "SAVE10", (9995, 1000, 1799, 0, 10794)),
    # per line, not per order: TEE x5 9995 -> 999.5 -> 1000 and BOOK x5 16495 -> 1649.5
    # -> 1650 give 2650; rounding the order's 26490 once would give 2649.
    # tax: (9995-1000)*20 -> 1799; (16495-1650)*5 = 742.25 -> 742
    ("discount is rounded per line, not per order", {"TEE-001": 5, "BOOK-001": 5}, "SAVE10",
     (26490, 2650, 2541, 0, 26381)),
    ("FREESHIP waives shipping under the threshold",
     {"BREAD-01": 1}, "FREESHIP", (450, 0, 23, 0, 473)),
]


@pytest.mark.parametrize(("case", "quantities", "coupon", "expected"), CASES,
                         ids=[case for case, *_ in CASES])
def test_boundary_carts_are_priced_as_worked_out_by_hand(case, quantities, coupon, expected):
    cart = model.price(quantities, coupon)
    got = (cart.subtotal_cents, cart.discount_cents, cart.tax_cents, cart.shipping_cents,
           cart.total_cents)
    assert got == expected, f"{case}: {got} != {expected}"


def test_half_up_is_not_bankers_rounding():
    # 22.5 -> 23 (banker's rounding gives 22); 164.95 -> 165
    assert model.percent_half_up(450, 5) == 23
    assert model.percent_half_up(3299, 5) == 165
    assert model.percent_half_up(1999, 10) == 200


def test_items_are_sorted_by_sku_and_zero_quantities_are_no_lines():
    cart = model.price({"TEE-001": 2, "BOOK-001": 1, "MUG-001": 0})
    assert [line.sku for line in cart.items] == ["BOOK-001", "TEE-001"]
    assert cart.as_json()["items"][1] == {"sku": "TEE-001", "name": "T-shirt", "quantity": 2,
                                          "unitPriceCents": 1999, "lineTotalCents": 3998}


def test_an_unknown_coupon_or_quantity_is_refused():
    with pytest.raises(ValueError, match="coupon"):
        model.price({"TEE-001": 1}, "save10")
    with pytest.raises(ValueError, match="out of range"):
        model.price({"TEE-001": 100})


carts = st.dictionaries(st.sampled_from(sorted(model.CATALOGUE)), st.integers(1, 99), max_size=6)
coupons = st.sampled_from([None, *model.COUPONS])


@given(carts, coupons)
def test_every_cart_adds_up(quantities, coupon):
    cart = model.price(quantities, coupon)
    assert cart.subtotal_cents == sum(line.line_total_cents for line in cart.items)
    assert cart.total_cents == (cart.subtotal_cents - cart.discount_cents + cart.tax_cents
                                + cart.shipping_cents)
    assert 0 <= cart.discount_cents <= cart.subtotal_cents
    assert (cart.shipping_cents == 0) == (
        not cart.items or coupon == "FREESHIP"
        or cart.subtotal_cents - cart.discount_cents >= model.FREE_SHIPPING_FROM)


@given(carts)
def test_freeship_never_costs_more_than_no_coupon(quantities):
    assert model.price(quantities, "FREESHIP").total_cents <= model.price(quantities).total_cents
