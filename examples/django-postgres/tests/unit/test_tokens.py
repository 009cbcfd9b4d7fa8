from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import jwt
import pytest
from django.conf import settings

from accounts.tokens import ALGORITHM, create_access_token, read_access_token

USER = SimpleNamespace(pk=42)


def test_a_token_names_its_user():
    assert read_access_token(create_access_token(USER)) == "42"


def test_a_token_expires_after_the_configured_lifetime(settings):
    settings.ACCESS_TOKEN_TTL_SECONDS = 600
    claims = jwt.decode(create_access_token(USER), options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 600


def test_an_expired_token_is_refused():
    past = datetime.now(tz=UTC) - timedelta(hours=2)
    token = jwt.encode(
        {"sub": "42", "iat": past, "exp": past + timedelta(hours=1)},
        settings.SECRET_KEY,
        algorithm=ALGORITHM,
    )
    with pytest.raises(jwt.ExpiredSignatureError):
        read_access_token(token)


def test_a_token_signed_with_another_key_is_refused():
    token = jwt.encode(
        {"sub": "42", "iat": datetime.now(tz=UTC), "exp": datetime.now(tz=UTC) + timedelta(1)},
        "another-secret-key-that-is-long-enough-for-hs256",
        algorithm=ALGORITHM,
    )
    with pytest.raises(jwt.InvalidSignatureError):
        read_access_token(token)


def test_an_unsigned_token_is_refused():
    token = jwt.encode({"sub": "42", "iat": 0, "exp": 2**40}, key=None, algorithm="none")
    with pytest.raises(jwt.InvalidTokenError):
        read_access_token(token)
