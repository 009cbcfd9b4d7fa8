import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_seed_creates_the_demo_account_and_is_idempotent():
    call_command("seed")
    call_command("seed")
    user = User.objects.get(email="demo@example.com")
    assert authenticate(email="demo@example.com", password="password123") == user
    assert user.tasks.count() == 5
    assert {task.status for task in user.tasks.all()} == {"todo", "doing", "done"}
