"""Check one HTTP response against the shared OpenAPI document (templates/_shared/openapi.yaml).

Finds the operation (or the unknown-route / wrong-method case), then checks that the
status is documented, the required headers are there, the media type is documented
and the JSON body validates against the schema (JSON Schema 2020-12, as OpenAPI 3.1 says).
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT = Path(__file__).resolve().parents[2] / "templates" / "_shared" / "openapi.yaml"
BASE_URI = "urn:tasks-api-v1"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# RFC 3339 with a UTC offset: the spec says timestamps are in UTC.
UTC_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$")
CAMEL_CASE = re.compile(r"^[a-z][a-zA-Z0-9]*$")
FORMATS = jsonschema.FormatChecker()  # its own copy: the date-time rule below stays local


@FORMATS.checks("date-time", raises=ValueError)
def _utc_timestamp(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not UTC_TIMESTAMP.match(value):
        raise ValueError(
            f"{value!r} is not an RFC 3339 timestamp in UTC (like 2026-11-21T10:00:00Z)"
        )
    datetime.fromisoformat(value)  # a real date and time (3.11 reads the Z)
    return True


def _absolute_refs(node: Any) -> Any:
    """'#/components/...' -> 'urn:tasks-api-v1#/components/...', so any sub-schema resolves alone."""
    if isinstance(node, dict):
        return {
            k: (
                BASE_URI + v
                if k == "$ref" and isinstance(v, str) and v.startswith("#")
                else _absolute_refs(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_absolute_refs(v) for v in node]
    return node


class Contract:
    def __init__(self, path: Path = DOCUMENT) -> None:
        self.path = path
        self.text = path.read_bytes()
        self.raw: dict = yaml.safe_load(self.text)
        self.doc: dict = _absolute_refs(copy.deepcopy(self.raw))
        resource = Resource.from_contents(self.doc, default_specification=DRAFT202012)
        self.registry = Registry().with_resource(BASE_URI, resource)

    @cached_property
    def routes(self) -> list[tuple[re.Pattern, str]]:
        found = []
        for template in self.doc["paths"]:
            pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
            found.append((re.compile(pattern), template))
        return found

    def resolve(self, node: dict) -> dict:
        while "$ref" in node:
            node = self.registry.resolver(BASE_URI).lookup(node["$ref"]).contents
        return node

    def route(self, path: str) -> str | None:
        for pattern, template in self.routes:
            if pattern.match(path):
                return template
        return None

    def operation(self, method: str, path: str) -> tuple[str | None, dict | None]:
        template = self.route(path)
        if template is None:
            return None, None
        return template, self.doc["paths"][template].get(method.lower())

    def validate_json(self, instance: Any, schema: dict) -> list[str]:
        validator = jsonschema.Draft202012Validator(
            schema, registry=self.registry, format_checker=FORMATS
        )
        return [
            f"body{''.join(f'[{p!r}]' for p in error.absolute_path)}: {error.message}"
            for error in sorted(
                validator.iter_errors(instance), key=lambda e: list(e.absolute_path)
            )
        ]

    def problems(self, method: str, url: str, status: int, headers: Any, body: bytes) -> list[str]:
        """Every way this response departs from the document ([] when it conforms)."""
        method = method.upper()
        if method in ("OPTIONS", "HEAD"):
            return []  # CORS preflights and HEAD are not part of the document
        path = urlsplit(url).path
        template, operation = self.operation(method, path)
        where = f"{method} {path} -> {status}"
        if template is None:
            if status != 404:
                return [f"{where}: an unknown route must answer 404"]
            response = self.doc["components"]["responses"]["NotFound"]
        elif operation is None:
            if status != 405:
                return [f"{where}: {method} is not an operation of {template}; it must answer 405"]
            response = self.doc["components"]["responses"]["MethodNotAllowed"]
        else:
            documented = operation["responses"]
            if str(status) not in documented:
                return [
                    (
                        f"{where}: status {status} is not documented for {method} {template} "
                        f"(documented: {', '.join(documented)})"
                    )
                ]
            response = self.resolve(documented[str(status)])
        return self._response_problems(where, response, headers, body)

    def _response_problems(
        self, where: str, response: dict, headers: Any, body: bytes
    ) -> list[str]:
        found = []
        for name, header in response.get("headers", {}).items():
            header = self.resolve(header)
            value = headers.get(name)
            if value is None:
                if header.get("required"):
                    found.append(f"{where}: required header {name} is missing")
                continue
            for message in self.validate_json(value, header.get("schema", {})):
                found.append(f"{where}: header {name}: {message.removeprefix('body: ')}")
        content = response.get("content")
        if not content:
            if body:
                found.append(f"{where}: the document says no body, got {body[:200]!r}")
            return found
        content_type = headers.get("Content-Type", "")
        media_type = content_type.split(";")[0].strip().lower()
        if media_type not in content:
            return [
                *found,
                (
                    f"{where}: Content-Type {content_type!r} is not documented "
                    f"(expected {' or '.join(content)})"
                ),
            ]
        if media_type.endswith("json"):
            try:
                instance = json.loads(body)
            except ValueError:
                return [*found, f"{where}: the body is not JSON: {body[:200]!r}"]
            schema = content[media_type].get("schema", {})
            found += [f"{where}: {message}" for message in self.validate_json(instance, schema)]
            found += [f"{where}: key {key!r} is not camelCase" for key in non_camel_keys(instance)]
        return found


def non_camel_keys(value: Any) -> list[str]:
    """Keys of the JSON value (at any depth) that are not camelCase (snake_case, kebab-case...)."""
    if isinstance(value, list):
        return [key for item in value for key in non_camel_keys(item)]
    if not isinstance(value, dict):
        return []
    bad = [key for key in value if not CAMEL_CASE.match(key)]
    return bad + [key for item in value.values() for key in non_camel_keys(item)]
