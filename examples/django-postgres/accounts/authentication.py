"""DRF authentication with `Authorization: Bearer <JWT>`."""

import jwt
from rest_framework import authentication, exceptions

from .models import User
from .tokens import read_access_token


class JWTAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None  # no bearer token: DRF answers 401 "not provided"
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Malformed Authorization header.")
        try:
            user_id = read_access_token(parts[1].decode())
        except jwt.ExpiredSignatureError:
            raise exceptions.AuthenticationFailed("The token has expired.") from None
        except (jwt.InvalidTokenError, UnicodeDecodeError):
            raise exceptions.AuthenticationFailed("The token is invalid.") from None
        user = (
            User.objects.filter(pk=user_id, is_active=True).first() if user_id.isdigit() else None
        )
        if user is None:
            raise exceptions.AuthenticationFailed("The token's user no longer exists.")
        return user, parts[1]

    def authenticate_header(self, request) -> str:
        # Its presence makes DRF answer 401 (not 403) with WWW-Authenticate.
        return self.keyword
