"""Access tokens: JWTs signed with SECRET_KEY (HS256), expiring after a while."""

from datetime import UTC, datetime, timedelta

import jwt
from django.conf import settings

ALGORITHM = "HS256"


def create_access_token(user) -> str:
    now = datetime.now(tz=UTC)
    payload = {
        "sub": str(user.pk),
        "iat": now,
        "exp": now + timedelta(seconds=settings.ACCESS_TOKEN_TTL_SECONDS),
    }
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=ALGORITHM)


def read_access_token(token: str) -> str:
    """The user id the token was issued to; raises jwt.InvalidTokenError
    (ExpiredSignatureError included) when it is forged, malformed or expired."""
    payload = jwt.decode(
        token,
        settings.SECRET_KEY,
        algorithms=[ALGORITHM],  # never trust the token's own `alg`
        options={"require": ["sub", "exp", "iat"]},
    )
    return payload["sub"]
