from django.conf import settings
from django.db import models
from django.db.models import F, Sum
from django.db.models.functions import Coalesce


class Task(models.Model):
    class Status(models.TextChoices):
        TODO = "todo", "To do"
        DOING = "doing", "Doing"
        DONE = "done", "Done"

    # No index of its own: the composite indexes below all start with owner.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tasks", db_index=False
    )
    # Sorted by Unicode code point ("B" < "a") whatever the database's default
    # collation: "C" compares UTF-8 bytes, which is code point order.
    title = models.CharField(max_length=200, db_collation="C")
    # NULL ("no description") differs from "" in the API, so NULL is allowed here.
    description = models.TextField(max_length=2000, null=True, blank=True)  # noqa: DJ001
    status = models.CharField(max_length=5, choices=Status.choices, default=Status.TODO)
    due_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # The list endpoint reads one page of one owner's tasks in a given order
        # (tasks/serializers.py: the sort key, then id). Each index holds the whole
        # ORDER BY after the filter, so PostgreSQL reads the page straight from it,
        # forwards or backwards, and counts from it without visiting the table.
        # The default list, with and without a status filter, and each sort key:
        indexes = [
            models.Index(fields=["owner", "created_at", "id"], name="task_owner_created_idx"),
            models.Index(
                fields=["owner", "status", "created_at", "id"], name="task_owner_status_idx"
            ),
            # `dueDate` is ASC NULLS LAST, a B-tree's own order; `-dueDate` keeps
            # the nulls last too, which reading that index backwards would not.
            models.Index(fields=["owner", "due_date", "id"], name="task_owner_due_date_idx"),
            models.Index(
                F("owner"),
                F("due_date").desc(nulls_last=True),
                F("id").desc(),
                name="task_owner_due_date_desc_idx",
            ),
            models.Index(fields=["owner", "title", "id"], name="task_owner_title_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["todo", "doing", "done"]),
                name="task_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class TaskCountQuerySet(models.QuerySet):
    def total(self) -> int:
        """The sum of the selected counts (0 when there is none)."""
        return self.aggregate(total=Coalesce(Sum("count"), 0))["total"]


class TaskCount(models.Model):
    """How many tasks an owner has in a status: the list's `totalItems`, read
    from at most three rows instead of counting the owner's tasks on each request.

    Only PostgreSQL writes it: triggers on tasks_task (migration 0003) add and
    subtract in the same transaction as each INSERT, UPDATE and DELETE, whoever
    sends it: the views, bulk_create, queryset.update(), raw SQL, a cascade.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    status = models.CharField(max_length=5, choices=Task.Status.choices)
    count = models.PositiveIntegerField()

    objects = TaskCountQuerySet.as_manager()

    class Meta:
        constraints = [
            # Also the index of the lookups and the triggers' ON CONFLICT target.
            models.UniqueConstraint(
                fields=["owner", "status"], name="task_count_owner_status_uniq"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.owner_id} {self.status}: {self.count}"
