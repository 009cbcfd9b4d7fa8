"""Fixtures shared by the unit and the integration tests.

Integration tests run against the real PostgreSQL server of DATABASE_URL:
pytest-django creates a `test_<name>` database there and drops it afterwards.
"""

import pytest
from rest_framework.test import APIClient

from accounts.tokens import create_access_token

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # PBKDF2 is slow on purpose, and would dominate the test run. The app itself
    # keeps Django's default: test_passwords_are_hashed_with_pbkdf2 checks it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_client() -> APIClient:
    """An HTTP client that does not raise the view's exception, as a real server."""
    return APIClient(raise_request_exception=False)


@pytest.fixture
def make_user(db, django_user_model):
    def make(email: str = "ada@example.com", name: str = "Ada", password: str = PASSWORD):
        return django_user_model.objects.create_user(email=email, password=password, name=name)

    return make


@pytest.fixture
def user(make_user):
    return make_user()


@pytest.fixture
def auth_client(user) -> APIClient:
    """A client signed in as `user` with a bearer token."""
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {create_access_token(user)}")
    return client


def assert_problem(response, status: int) -> dict:
    """The response is an RFC 9457 problem with this status; returns its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail"} <= body.keys()
    return body
