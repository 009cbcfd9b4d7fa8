"""Health, documentation and the headers every response carries."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from rest_framework.response import Response

from core import log_context

pytestmark = pytest.mark.django_db


def test_health_checks_the_database(api_client):
    response = api_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_health_is_503_when_the_database_is_down(api_client, monkeypatch):
    # Simulates an unreachable server: the real one stays up for the other tests.
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = api_client.get("/health")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "error"}}


def test_openapi_document_is_served_byte_for_byte(api_client):
    response = api_client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/yaml")
    assert response.content == Path(settings.BASE_DIR, "docs", "openapi.yaml").read_bytes()


def test_docs_page_loads_the_document(api_client):
    response = api_client.get("/docs")
    assert response.status_code == 200
    assert b"swagger-ui" in response.content
    assert b"/openapi.yaml" in response.content


def test_a_request_id_is_echoed(api_client):
    assert api_client.get("/health", HTTP_X_REQUEST_ID="abc-123")["X-Request-Id"] == "abc-123"


@pytest.mark.parametrize("incoming", [None, "", "not valid!", "x" * 201])
def test_a_request_id_is_generated_otherwise(api_client, incoming):
    headers = {} if incoming is None else {"HTTP_X_REQUEST_ID": incoming}
    generated = api_client.get("/health", **headers)["X-Request-Id"]
    assert generated and generated != incoming


def test_cors_allows_the_configured_origins(api_client):
    response = api_client.options(
        "/api/v1/tasks",
        HTTP_ORIGIN="http://localhost:5173",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://localhost:5173"
    assert "authorization" in response["Access-Control-Allow-Headers"]


def test_cors_ignores_other_origins(api_client):
    response = api_client.get("/health", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in response


def test_the_request_id_is_in_the_log_context_while_the_request_runs(auth_client, monkeypatch):
    seen = []

    def list_tasks(self, request):
        seen.append(log_context.request_id.get())
        return Response({})

    monkeypatch.setattr("tasks.views.TaskViewSet.list", list_tasks)
    auth_client.get("/api/v1/tasks", HTTP_X_REQUEST_ID="trace-42")
    assert seen == ["trace-42"]
    assert log_context.request_id.get() == "-"


def test_health_answers_a_probe_by_ip_in_production(api_client, settings):
    # The Docker HEALTHCHECK calls http://127.0.0.1:$PORT/health, a Host that
    # production's ALLOWED_HOSTS rejects, over the plain HTTP it redirects.
    settings.ALLOWED_HOSTS = ["api.example.com"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = api_client.get("/health", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    # Every other path still checks the Host and redirects to HTTPS.
    assert api_client.get("/openapi.yaml", HTTP_HOST="127.0.0.1:8000").status_code == 400
    redirect = api_client.get("/openapi.yaml", HTTP_HOST="api.example.com")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://api.example.com/openapi.yaml"
    behind_proxy = api_client.get(
        "/openapi.yaml", HTTP_HOST="api.example.com", HTTP_X_FORWARDED_PROTO="https"
    )
    assert behind_proxy.status_code == 200
