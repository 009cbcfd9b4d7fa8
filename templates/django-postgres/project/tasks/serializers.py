"""The task on the wire: camelCase names, string ids, strict types."""

from django.db.models import F, OrderBy
from rest_framework import serializers

from core.fields import IsoDateField, StrictCharField

from .models import Task

# Wire name of a sort key -> model field.
SORT_FIELDS = {"createdAt": "created_at", "dueDate": "due_date", "title": "title"}
SORT_CHOICES = [*SORT_FIELDS, *(f"-{key}" for key in SORT_FIELDS)]


class TaskSerializer(serializers.ModelSerializer):
    id = serializers.CharField(read_only=True)
    # Surrounding whitespace is trimmed, then 1 to 200 characters remain.
    title = StrictCharField(max_length=200)
    description = StrictCharField(
        max_length=2000, allow_null=True, allow_blank=True, required=False, trim_whitespace=False
    )
    status = serializers.ChoiceField(choices=Task.Status.choices, required=False)
    dueDate = IsoDateField(source="due_date", allow_null=True, required=False)
    createdAt = serializers.DateTimeField(source="created_at", read_only=True)
    updatedAt = serializers.DateTimeField(source="updated_at", read_only=True)

    class Meta:
        model = Task
        # Anything else in a request body (owner, id, createdAt...) is ignored.
        fields = ["id", "title", "description", "status", "dueDate", "createdAt", "updatedAt"]

    def validate_description(self, value: str | None) -> str | None:
        # No description is null, never "": Oracle cannot tell them apart, so
        # the contract treats "" and only spaces as null in every stack.
        return value if value and value.strip() else None


class TaskListParams(serializers.Serializer):
    """The list endpoint's query string; any value outside these rules is a 422."""

    page = serializers.IntegerField(min_value=1, default=1)
    pageSize = serializers.IntegerField(min_value=1, max_value=100, default=20)
    status = serializers.ChoiceField(choices=Task.Status.choices, required=False)
    sort = serializers.ChoiceField(choices=SORT_CHOICES, default="-createdAt")

    def ordering(self) -> list[OrderBy]:
        """ORDER BY for the validated `sort`, the id breaking ties so that pages
        never overlap. Only `due_date` can be null: tasks without one come last
        either way. The others sort exactly as their index (tasks/models.py) is
        ordered, which a NULLS LAST on a descending sort would not be."""
        sort = self.validated_data["sort"]
        name = SORT_FIELDS[sort.removeprefix("-")]
        nulls_last = True if name == "due_date" else None
        if sort.startswith("-"):
            return [F(name).desc(nulls_last=nulls_last), F("id").desc()]
        return [F(name).asc(nulls_last=nulls_last), F("id").asc()]
