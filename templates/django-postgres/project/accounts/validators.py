"""Password rules beyond Django's own validators (settings.AUTH_PASSWORD_VALIDATORS)."""

from django.core.exceptions import ValidationError


class MaximumLengthValidator:
    """At most `max_bytes` bytes in UTF-8.

    PBKDF2 hashes any length, but bcrypt (other stacks of the same API) reads only
    72 bytes: the contract rejects longer passwords everywhere, so that a password
    that works here works with every implementation.
    """

    def __init__(self, max_bytes: int = 72) -> None:
        self.max_bytes = max_bytes

    def validate(self, password: str, user=None) -> None:
        if len(password.encode()) > self.max_bytes:
            raise ValidationError(
                f"This password is too long: at most {self.max_bytes} bytes in UTF-8.",
                code="password_too_long",
                params={"max_bytes": self.max_bytes},
            )

    def get_help_text(self) -> str:
        return f"Your password can be at most {self.max_bytes} bytes long in UTF-8."
