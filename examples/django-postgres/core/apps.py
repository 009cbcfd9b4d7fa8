from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Cross-cutting pieces: problem details, request ids, health and API docs."""

    name = "core"
