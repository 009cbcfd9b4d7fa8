"""The serializers' rules, without a database or HTTP."""

import pytest

from accounts.models import UserManager
from tasks.serializers import TaskListParams, TaskSerializer


def errors_of(serializer) -> dict:
    assert not serializer.is_valid()
    return serializer.errors


def test_title_is_trimmed():
    serializer = TaskSerializer(data={"title": "  Buy milk  "})
    assert serializer.is_valid(), serializer.errors
    assert serializer.validated_data["title"] == "Buy milk"


@pytest.mark.parametrize("title", ["", "   ", "x" * 201, 42, None, ["a"]])
def test_bad_titles_are_refused(title):
    assert "title" in errors_of(TaskSerializer(data={"title": title}))


def test_title_is_required_on_create_but_not_on_update():
    assert "title" in errors_of(TaskSerializer(data={}))
    assert TaskSerializer(data={}, partial=True).is_valid()


def test_two_hundred_characters_after_trimming_are_fine():
    assert TaskSerializer(data={"title": f"  {'x' * 200}  "}).is_valid()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description", "x" * 2001),
        ("status", "finished"),
        ("status", None),
        ("dueDate", "2026-02-30"),
        ("dueDate", "21/11/2026"),
        ("dueDate", "2026-11-21T10:00:00Z"),
        ("dueDate", "20261121"),
    ],
)
def test_bad_values_are_refused_with_the_wire_name(field, value):
    assert field in errors_of(TaskSerializer(data={"title": "ok", field: value}))


def test_nullable_fields_accept_null():
    serializer = TaskSerializer(data={"title": "ok", "description": None, "dueDate": None})
    assert serializer.is_valid(), serializer.errors


def test_defaults_of_the_list_parameters():
    params = TaskListParams(data={})
    assert params.is_valid()
    assert params.validated_data == {"page": 1, "pageSize": 20, "sort": "-createdAt"}


@pytest.mark.parametrize(
    "query",
    [
        {"page": "0"},
        {"page": "-1"},
        {"page": "one"},
        {"page": ""},
        {"pageSize": "0"},
        {"pageSize": "101"},
        {"status": "later"},
        {"sort": "priority"},
        {"sort": "created_at"},
    ],
)
def test_bad_list_parameters_are_refused(query):
    assert set(query) == set(errors_of(TaskListParams(data=query)))


def test_emails_are_lower_cased_whole():
    assert UserManager.normalize_email("  Ada.Lovelace@Example.COM ") == "ada.lovelace@example.com"
