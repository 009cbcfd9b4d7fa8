"""`python manage.py seed`: the demo account and its tasks. Safe to run again."""

from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from tasks.models import Task

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "password123"  # noqa: S105 - the documented demo login
# (title, description, status, due in days or None)
DEMO_TASKS = [
    ("Read the Tasks API contract", "docs/openapi.yaml, or /docs in a browser.", "done", -2),
    ("Run the test suite", "make test: unit and HTTP tests on PostgreSQL.", "done", None),
    ("Try the API from Swagger UI", "Log in as the demo user at /docs.", "doing", 1),
    ("Add a field to Task", "Change the model, then makemigrations.", "todo", 7),
    ("Deploy with Docker", None, "todo", None),
]


class Command(BaseCommand):
    help = "Create demo@example.com / password123 with five tasks (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        user, created = User.objects.get_or_create(email=DEMO_EMAIL, defaults={"name": "Demo"})
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        today = date.today()
        for title, description, status, due_in_days in DEMO_TASKS:
            due_date = None if due_in_days is None else today + timedelta(days=due_in_days)
            # Keyed on (owner, title): a second run updates instead of duplicating.
            Task.objects.update_or_create(
                owner=user,
                title=title,
                defaults={"description": description, "status": status, "due_date": due_date},
            )
        message = f"Seeded {DEMO_EMAIL} / {DEMO_PASSWORD} with {len(DEMO_TASKS)} tasks."
        self.stdout.write(self.style.SUCCESS(message))
