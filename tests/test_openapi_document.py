"""The shared OpenAPI document is valid 3.1 and describes every route and status of Tasks API v1."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV31SpecValidator

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
DOCUMENT = TEMPLATES / "_shared" / "openapi.yaml"

# (path, method) -> the statuses the contract (docs/tasks-api-v1.md) gives that operation.
# 400/415 belong to operations with a JSON body, 401 to protected ones, 500 to all.
EXPECTED = {
    ("/health", "get"): {200, 503, 500},
    ("/openapi.yaml", "get"): {200, 500},
    ("/docs", "get"): {200, 500},
    ("/api/v1/auth/register", "post"): {201, 400, 409, 415, 422, 500},
    ("/api/v1/auth/login", "post"): {200, 400, 401, 415, 422, 429, 500},  # 429: "Too many logins"
    ("/api/v1/auth/me", "get"): {200, 401, 500},
    ("/api/v1/tasks", "get"): {200, 401, 422, 500},
    ("/api/v1/tasks", "post"): {201, 400, 401, 415, 422, 500},
    ("/api/v1/tasks/{id}", "get"): {200, 401, 404, 500},
    ("/api/v1/tasks/{id}", "patch"): {200, 400, 401, 404, 415, 422, 500},
    ("/api/v1/tasks/{id}", "delete"): {204, 401, 404, 500},
}
PROTECTED = {"/api/v1/auth/me", "/api/v1/tasks", "/api/v1/tasks/{id}"}
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture(scope="module")
def doc() -> dict:
    return yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))


def resolve(doc: dict, node: dict) -> dict:
    while "$ref" in node:
        target: object = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]  # type: ignore[index]
        node = target  # type: ignore[assignment]
    return node


def operations(doc: dict):
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_is_a_valid_openapi_3_1_document(doc: dict) -> None:
    assert doc["openapi"].startswith("3.1.")
    validate(doc, cls=OpenAPIV31SpecValidator)  # raises with the failing rule


def test_has_no_jinja_syntax_and_includes_byte_identically() -> None:
    # Every stack renders it with `{% include %}`: the rendered copy must equal the source.
    source = DOCUMENT.read_text(encoding="utf-8")
    for marker in ("{{", "{%", "{#"):
        assert marker not in source, f"Jinja marker {marker!r} in {DOCUMENT}"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True)
    assert env.from_string('{% include "_shared/openapi.yaml" %}').render() == source


def test_every_operation_and_status_of_the_spec(doc: dict) -> None:
    found = {
        (path, method): {int(code) for code in op["responses"]}
        for path, method, op in operations(doc)
    }
    assert found == EXPECTED


def test_protected_operations_need_a_bearer_token_and_answer_401_with_www_authenticate(
    doc: dict,
) -> None:
    scheme = doc["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    for path, method, op in operations(doc):
        if path in PROTECTED:
            assert op.get("security") == [{"bearerAuth": []}], (path, method)
            unauthorized = resolve(doc, op["responses"]["401"])
            assert "WWW-Authenticate" in unauthorized["headers"], (path, method)
        else:
            assert "security" not in op, (path, method)


def test_every_response_documents_x_request_id(doc: dict) -> None:
    for path, method, op in operations(doc):
        for code, response in op["responses"].items():
            header = resolve(doc, resolve(doc, response)["headers"]["X-Request-Id"])
            assert header["required"] is True, (path, method, code)


def test_every_error_is_problem_json(doc: dict) -> None:
    for path, method, op in operations(doc):
        for code, response in op["responses"].items():
            if int(code) >= 400 and not (path == "/health" and code == "503"):
                content = resolve(doc, response)["content"]
                assert list(content) == ["application/problem+json"], (path, method, code)
                schema = resolve(doc, content["application/problem+json"]["schema"])
                expected = "ValidationProblem" if code == "422" else "Problem"
                assert schema is doc["components"]["schemas"][expected], (path, method, code)


def test_task_creation_answers_a_location_header(doc: dict) -> None:
    created = doc["paths"]["/api/v1/tasks"]["post"]["responses"]["201"]
    assert created["headers"]["Location"]["required"] is True


def test_schemas_of_the_contract(doc: dict) -> None:
    schemas = doc["components"]["schemas"]
    task = schemas["Task"]
    assert set(task["required"]) == {
        "id",
        "title",
        "description",
        "status",
        "dueDate",
        "createdAt",
        "updatedAt",
    }
    assert schemas["TaskStatus"]["enum"] == ["todo", "doing", "done"]
    assert (task["properties"]["title"]["minLength"], task["properties"]["title"]["maxLength"]) == (
        1,
        200,
    )
    assert task["properties"]["description"]["maxLength"] == 2000
    for writable in ("TaskCreate", "TaskUpdate"):
        assert set(schemas[writable]["properties"]) == {"title", "description", "status", "dueDate"}
    assert schemas["TaskCreate"]["required"] == ["title"]
    assert set(schemas["TaskPage"]["required"]) == {
        "items",
        "page",
        "pageSize",
        "totalItems",
        "totalPages",
    }
    assert set(schemas["User"]["required"]) == {"id", "email", "name", "createdAt"}
    assert schemas["Token"]["properties"]["tokenType"]["const"] == "Bearer"
    assert set(schemas["Problem"]["required"]) == {"type", "title", "status", "detail"}
    assert set(schemas["FieldError"]["required"]) == {"field", "message"}
    assert schemas["RegisterRequest"]["properties"]["password"]["minLength"] == 8


def test_list_parameters_of_the_contract(doc: dict) -> None:
    params = {p["name"]: p["schema"] for p in doc["paths"]["/api/v1/tasks"]["get"]["parameters"]}
    assert params["page"] == {"type": "integer", "minimum": 1, "default": 1}
    assert params["pageSize"] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}
    assert resolve(doc, params["status"])["enum"] == ["todo", "doing", "done"]
    assert params["sort"]["enum"] == [
        "createdAt",
        "-createdAt",
        "dueDate",
        "-dueDate",
        "title",
        "-title",
    ]
    assert params["sort"]["default"] == "-createdAt"
