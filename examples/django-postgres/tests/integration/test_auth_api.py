"""Registration, login and the current user, over HTTP against PostgreSQL."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from django.conf import global_settings, settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import connection
from rest_framework.test import APIClient

from accounts.models import User
from tests.conftest import PASSWORD, assert_problem

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"
ME = "/api/v1/auth/me"


def test_register_creates_an_account(api_client):
    response = api_client.post(
        REGISTER,
        {"email": "Grace@Example.com", "password": "long-enough", "name": "Grace"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "email", "name", "createdAt"}
    assert body["email"] == "grace@example.com"
    assert body["name"] == "Grace"
    assert isinstance(body["id"], str)
    assert body["createdAt"].endswith("Z")
    assert User.objects.get(pk=body["id"]).email == "grace@example.com"


def test_register_without_a_name(api_client):
    response = api_client.post(
        REGISTER, {"email": "anon@example.com", "password": "long-enough"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["name"] is None


def test_passwords_are_hashed_with_pbkdf2(api_client, settings):
    # The app keeps Django's default hashers (config/settings.py sets none).
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    api_client.post(REGISTER, {"email": "h@example.com", "password": "long-enough"}, format="json")
    stored = User.objects.get(email="h@example.com").password
    assert stored.startswith("pbkdf2_sha256$")
    assert "long-enough" not in stored


def test_a_taken_email_is_a_conflict_whatever_its_case(api_client, user):
    response = api_client.post(
        REGISTER, {"email": "ADA@example.com", "password": "long-enough"}, format="json"
    )
    assert_problem(response, 409)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "not-an-email", "password": "long-enough"}, "email"),
        ({"email": "a@example.com", "password": "short"}, "password"),
        ({"password": "long-enough"}, "email"),
        ({"email": "a@example.com"}, "password"),
        ({"email": "a@example.com", "password": 12345678}, "password"),
    ],
)
def test_register_validation(api_client, payload, field):
    body = assert_problem(api_client.post(REGISTER, payload, format="json"), 422)
    assert field in {error["field"] for error in body["errors"]}


def test_login_returns_a_bearer_token_that_works(api_client, user):
    response = api_client.post(
        LOGIN, {"email": "ADA@example.com", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["tokenType"] == "Bearer"
    assert body["expiresIn"] == settings.ACCESS_TOKEN_TTL_SECONDS
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {body['accessToken']}")
    me = api_client.get(ME)
    assert me.status_code == 200
    body = me.json()
    assert (body["id"], body["email"], body["name"]) == (str(user.pk), "ada@example.com", "Ada")
    assert body["createdAt"] == user.date_joined.isoformat().replace("+00:00", "Z")


@pytest.mark.parametrize(
    "credentials",
    [
        {"email": "ada@example.com", "password": "wrong-password"},
        {"email": "nobody@example.com", "password": PASSWORD},
    ],
)
def test_wrong_credentials_are_401(api_client, user, credentials):
    response = api_client.post(LOGIN, credentials, format="json")
    assert_problem(response, 401)
    # Like every 401 of the API (the contract's decided gaps).
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("email", ["ada@example.com", "nobody@example.com"])
def test_a_login_hashes_once_whether_or_not_the_email_exists(api_client, user, email, monkeypatch):
    # Django's ModelBackend hashes the password for an unknown e-mail too, so the
    # answer takes as long and does not tell who has an account.
    hashed = []
    encode = MD5PasswordHasher.encode  # the tests' hasher (tests/conftest.py)

    def counting_encode(self, password, salt):
        hashed.append(password)
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting_encode)
    response = api_client.post(LOGIN, {"email": email, "password": "wrong-password"}, format="json")
    assert_problem(response, 401)
    assert hashed == ["wrong-password"]


def test_passwords_over_72_bytes_are_rejected(api_client):
    # 36 x "é" is 36 characters but 72 bytes in UTF-8: the most the contract allows.
    at_most = {"email": "ada@example.com", "password": "é" * 36}
    assert api_client.post(REGISTER, at_most, format="json").status_code == 201
    too_long = {"email": "grace@example.com", "password": "é" * 36 + "x"}
    body = assert_problem(api_client.post(REGISTER, too_long, format="json"), 422)
    assert [error["field"] for error in body["errors"]] == ["password"]


def test_a_password_that_differs_after_byte_72_does_not_log_in(api_client, make_user):
    make_user("ada@example.com", password="p" * 72)
    response = api_client.post(
        LOGIN, {"email": "ada@example.com", "password": "p" * 72 + "extra"}, format="json"
    )
    assert_problem(response, 401)


@pytest.mark.django_db(transaction=True)  # each thread commits on its own connection
def test_concurrent_registrations_of_one_email_make_one_account():
    racers = 6
    start = threading.Barrier(racers)

    def register(_: int) -> int:
        try:
            start.wait()
            credentials = {"email": "race@example.com", "password": PASSWORD}
            return APIClient().post(REGISTER, credentials, format="json").status_code
        finally:
            connection.close()  # this thread's own connection

    with ThreadPoolExecutor(racers) as pool:
        statuses = sorted(pool.map(register, range(racers)))
    assert statuses == [201] + [409] * (racers - 1)
    assert User.objects.filter(email="race@example.com").count() == 1


def test_me_without_a_token_is_401_with_www_authenticate(api_client):
    response = api_client.get(ME)
    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "authorization",
    ["Bearer", "Bearer not.a.jwt", "Bearer a b", "Basic YWRhOnB3"],
)
def test_malformed_tokens_are_401(api_client, user, authorization):
    api_client.credentials(HTTP_AUTHORIZATION=authorization)
    response = api_client.get(ME)
    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_expired_token_is_401(api_client, user):
    past = datetime.now(tz=UTC) - timedelta(hours=2)
    token = jwt.encode(
        {"sub": str(user.pk), "iat": past, "exp": past + timedelta(hours=1)},
        settings.SECRET_KEY,
        algorithm="HS256",
    )
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert "expired" in assert_problem(api_client.get(ME), 401)["detail"]


def test_the_token_of_a_deleted_user_is_401(auth_client, user):
    user.delete()
    assert_problem(auth_client.get(ME), 401)
