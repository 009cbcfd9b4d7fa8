"""Every error is RFC 9457 problem details, even those Django answers itself."""

import pytest

from tests.conftest import assert_problem

pytestmark = pytest.mark.django_db

TASKS = "/api/v1/tasks"


# In DEBUG mode Django answers its own HTML debug pages: those are rewritten too.
@pytest.mark.parametrize("debug", [False, True])
def test_an_unknown_route_is_a_404_problem(api_client, settings, debug):
    settings.DEBUG = debug
    assert_problem(api_client.get("/no/such/route"), 404)


def test_a_trailing_slash_is_an_unknown_route(auth_client):
    assert_problem(auth_client.get(f"{TASKS}/"), 404)


@pytest.mark.parametrize(
    ("method", "path"),
    [("put", f"{TASKS}/1"), ("delete", TASKS), ("post", "/health"), ("get", "/api/v1/auth/login")],
)
def test_a_wrong_method_is_a_405_problem(auth_client, method, path):
    response = getattr(auth_client, method)(path)
    assert_problem(response, 405)
    assert response["Allow"]


def test_malformed_json_is_a_400_problem(auth_client):
    response = auth_client.post(TASKS, data='{"title": ', content_type="application/json")
    assert_problem(response, 400)


def test_a_body_that_is_not_json_is_a_415_problem(auth_client):
    response = auth_client.post(
        TASKS, data="title=x", content_type="application/x-www-form-urlencoded"
    )
    assert_problem(response, 415)


@pytest.mark.parametrize("body", ["[]", '"title"', "null", "42"])
def test_a_json_body_that_is_not_an_object_is_a_422_problem(auth_client, body):
    response = auth_client.post(TASKS, data=body, content_type="application/json")
    assert assert_problem(response, 422)["errors"][0]["field"] == "body"


@pytest.mark.parametrize("debug", [False, True])
def test_an_unexpected_error_is_a_500_problem_without_details(
    auth_client, monkeypatch, settings, debug
):
    settings.DEBUG = debug

    def explode(*args, **kwargs):
        raise RuntimeError("SELECT secret FROM internals")

    monkeypatch.setattr("tasks.views.TaskViewSet.list", explode)
    response = auth_client.get(TASKS)
    body = assert_problem(response, 500)
    assert "secret" not in response.content.decode()
    assert "Traceback" not in body["detail"]


def test_errors_carry_the_request_id(api_client):
    response = api_client.get("/nowhere", HTTP_X_REQUEST_ID="trace-123")
    assert response["X-Request-Id"] == "trace-123"


def test_a_bad_host_header_is_a_400_problem(api_client):
    assert_problem(api_client.get("/openapi.yaml", HTTP_HOST="evil.example"), 400)
