from django.apps import AppConfig


class TasksConfig(AppConfig):
    """Each user's tasks: the model, the REST endpoints and the demo seed."""

    name = "tasks"
