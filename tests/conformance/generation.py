"""Hypothesis strategies for requests, derived from the OpenAPI document.

Why not schemathesis: schemathesis 3.x generates through hypothesis-jsonschema 0.23,
which calls a Hypothesis internal (`many.more()`) that current Hypothesis releases
removed, so it crashes before sending a request. The document uses a small part of
JSON Schema, which this module turns into strategies directly.

Most values follow the document; some are deliberately off (wrong types, strings
where integers belong, unknown and read-only fields), because a server must answer
those with a documented 4xx too, never a 5xx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

from hypothesis import strategies as st

from .contract import Contract

READ_ONLY_AND_UNKNOWN = ["id", "createdAt", "updatedAt", "owner", "colour", "userId"]
# Text without surrogates or NUL, which a JSON body cannot carry to every stack alike.
TEXT = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")


@dataclass
class GeneratedRequest:
    method: str
    path: str
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    has_body: bool = False

    def __str__(self) -> str:
        return f"{self.method} {self.path} query={self.query} headers={self.headers}" + (
            f" json={self.body!r}" if self.has_body else ""
        )


def anything() -> st.SearchStrategy:
    """A JSON value of any type: what a confused or hostile client might send."""
    scalars = (
        st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.text(TEXT, max_size=30)
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(TEXT, max_size=8), inner, max_size=3)
        ),
        max_leaves=5,
    )


class Generator:
    def __init__(self, contract: Contract) -> None:
        self.contract = contract

    def schema(self, schema: dict) -> st.SearchStrategy:
        """Values valid against `schema` (the subset of JSON Schema the document uses)."""
        schema = self.contract.resolve(schema)
        if "const" in schema:
            return st.just(schema["const"])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        types = schema.get("type", "string")
        if isinstance(types, list):
            return st.one_of([self.schema({**schema, "type": t}) for t in types])
        if types == "null":
            return st.none()
        if types == "integer":
            return st.integers(schema.get("minimum", -(10**6)), schema.get("maximum", 10**6))
        if types == "boolean":
            return st.booleans()
        if types == "object":
            return self.object(schema)
        return self.string(schema)

    def string(self, schema: dict) -> st.SearchStrategy:
        low, high = schema.get("minLength", 0), schema.get("maxLength", 300)
        fmt = schema.get("format")
        if fmt == "date":
            return st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(date.isoformat)
        if fmt == "email":
            return st.emails().filter(lambda e: len(e) <= 200)
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True).filter(
                lambda s: low <= len(s) <= high
            )
        return st.text(TEXT, min_size=low, max_size=high)

    def object(self, schema: dict) -> st.SearchStrategy:
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))

        @st.composite
        def build(draw: st.DrawFn) -> dict:
            out = {}
            for name, sub in properties.items():
                if name in required or draw(st.booleans()):
                    out[name] = draw(self.schema(sub))
            if draw(st.integers(0, 4)) == 4:  # sometimes: fields the server must ignore
                for name in draw(
                    st.lists(st.sampled_from(READ_ONLY_AND_UNKNOWN), max_size=3, unique=True)
                ):
                    out[name] = draw(anything())
            return out

        return build()

    def maybe_off(self, valid: st.SearchStrategy) -> st.SearchStrategy:
        """Mostly valid values; sometimes anything at all (Hypothesis decides how often)."""
        return st.integers(0, 4).flatmap(lambda n: anything() if n == 4 else valid)

    def request(self, path: str, method: str, real_ids: st.SearchStrategy) -> st.SearchStrategy:
        item = self.contract.raw["paths"][path]
        operation = item[method.lower()]
        parameters = [
            self.contract.resolve(p)
            for p in item.get("parameters", []) + operation.get("parameters", [])
        ]
        body = operation.get("requestBody")

        @st.composite
        def build(draw: st.DrawFn) -> GeneratedRequest:
            request = GeneratedRequest(method, path)
            for parameter in parameters:
                name, where, schema = parameter["name"], parameter["in"], parameter["schema"]
                if where == "path":
                    # "." and ".." would be path segments, not ids, once a client normalises the URL.
                    value = draw(
                        real_ids | self.schema(schema).filter(lambda s: s.strip(".") != "")
                    )
                    request.path = request.path.replace(
                        "{" + name + "}", quote(str(value), safe="")
                    )
                elif where == "query" and draw(st.booleans()):
                    value = draw(self.maybe_off(self.schema(schema)))
                    request.query[name] = json_text(value)
                elif where == "header" and draw(st.booleans()):
                    request.headers[name] = draw(self.schema(schema))
            if body is not None:
                schema = self.contract.resolve(body["content"]["application/json"]["schema"])
                request.body = draw(
                    self.maybe_off(self.schema(schema))
                    if draw(st.integers(0, 9)) == 9
                    else self.fields_maybe_off(schema)
                )
                request.has_body = True
            return request

        return build()

    def fields_maybe_off(self, schema: dict) -> st.SearchStrategy:
        """An object of the schema's shape whose field values are sometimes of the wrong kind."""
        off = {
            "type": "object",
            "required": schema.get("required", []),
            "properties": schema.get("properties", {}),
        }

        @st.composite
        def build(draw: st.DrawFn) -> dict:
            out = draw(self.object(off))
            for name in list(out):
                if name in off["properties"] and draw(st.integers(0, 5)) == 5:
                    out[name] = draw(anything())
            return out

        return build()


def json_text(value: Any) -> str:
    """How a query-string value is written: strings as they are, anything else as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: ""}[value]
    return str(value)
