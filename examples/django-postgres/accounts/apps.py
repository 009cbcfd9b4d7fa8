from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users (e-mail as login), registration, login and bearer tokens."""

    name = "accounts"
