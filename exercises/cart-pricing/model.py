"""The pricing rules of `cart-pricing`, as plain Python: the oracle its check compares with.

Written from the rules of exercises-v1 (exercise 1) and nothing else, so that a cart the
learner's server prices differently is a disagreement about a rule, which the check can
name. All amounts are integer cents; nothing here uses floats.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# sku -> (name, priceCents, taxCategory, weightGrams): the catalogue the learner's
# migration or seed creates, exactly.
CATALOGUE: dict[str, tuple[str, int, str, int]] = {
    "BOOK-001": ("Clean Code", 3299, "reduced", 700),
    "MUG-001": ("Coffee mug", 1250, "standard", 350),
    "TEE-001": ("T-shirt", 1999, "standard", 200),
    "BREAD-01": ("Sourdough loaf", 450, "reduced", 800),
    "GIFT-025": ("Gift card 25", 2500, "exempt", 0),
    "DESK-001": ("Standing desk", 34900, "standard", 25000),
}
TAX_RATES = {"standard": 20, "reduced": 5, "exempt": 0}  # percent
COUPONS = ("SAVE10", "FREESHIP")
FREE_SHIPPING_FROM = 5000  # cents of subtotal - discount
MAX_QUANTITY = 99


def percent_half_up(amount: int, percent: int) -> int:
    """round_half_up(amount x percent / 100) for non-negative integers, exactly."""
    return (amount * percent + 50) // 100


def shipping_cents(weight_grams: int) -> int:
    """Shipping by total weight, below the free-shipping threshold."""
    if weight_grams <= 1000:
        return 499
    if weight_grams <= 5000:
        return 899
    started_kilograms = -(-(weight_grams - 5000) // 1000)  # ceil without floats
    return 899 + 200 * started_kilograms


@dataclass(frozen=True)
class Line:
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    line_total_cents: int


@dataclass(frozen=True)
class Cart:
    items: tuple[Line, ...]
    coupon_code: str | None
    subtotal_cents: int
    discount_cents: int
    tax_cents: int
    shipping_cents: int
    total_cents: int

    def as_json(self) -> dict[str, object]:
        """The body `GET /api/v1/cart` answers for this cart."""
        return {
            "items": [
                {"sku": line.sku, "name": line.name, "quantity": line.quantity,
                 "unitPriceCents": line.unit_price_cents, "lineTotalCents": line.line_total_cents}
                for line in self.items
            ],
            "couponCode": self.coupon_code,
            "subtotalCents": self.subtotal_cents,
            "discountCents": self.discount_cents,
            "taxCents": self.tax_cents,
            "shippingCents": self.shipping_cents,
            "totalCents": self.total_cents,
        }


def price(quantities: Mapping[str, int], coupon: str | None = None) -> Cart:
    """The cart holding `quantities` (sku -> 1..99; 0 means no line) with `coupon`."""
    if coupon is not None and coupon not in COUPONS:
        raise ValueError(f"unknown coupon {coupon!r}")
    lines, subtotal, discount, tax, weight = [], 0, 0, 0, 0
    for sku in sorted(sku for sku, quantity in quantities.items() if quantity):
        quantity = quantities[sku]
        if not 1 <= quantity <= MAX_QUANTITY:
            raise ValueError(f"quantity {quantity} of {sku} is out of range")
        name, unit, category, grams = CATALOGUE[sku]
        line_total = unit * quantity
        line_discount = percent_half_up(line_total, 10) if coupon == "SAVE10" else 0
        lines.append(Line(sku, name, quantity, unit, line_total))
        subtotal += line_total
        discount += line_discount
        # tax is charged on the discounted line, rounded per line
        tax += percent_half_up(line_total - line_discount, TAX_RATES[category])
        weight += grams * quantity
    if not lines or coupon == "FREESHIP" or subtotal - discount >= FREE_SHIPPING_FROM:
        shipping = 0
    else:
        shipping = shipping_cents(weight)
    return Cart(tuple(lines), coupon, subtotal, discount, tax, shipping,
                subtotal - discount + tax + shipping)
