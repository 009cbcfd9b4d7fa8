from django.conf import settings
from django.db import models


class Task(models.Model):
    class Status(models.TextChoices):
        TODO = "todo", "To do"
        DOING = "doing", "Doing"
        DONE = "done", "Done"

    # No index of its own: the composite indexes below all start with owner.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tasks", db_index=False
    )
    title = models.CharField(max_length=200)
    # NULL ("no description") differs from "" in the API, so NULL is allowed here.
    description = models.TextField(max_length=2000, null=True, blank=True)  # noqa: DJ001
    status = models.CharField(max_length=5, choices=Status.choices, default=Status.TODO)
    due_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # The list endpoint reads one page of one owner's tasks in a given
        # order: each index serves a filter + sort it offers.
        indexes = [
            models.Index(fields=["owner", "created_at"], name="task_owner_created_idx"),
            models.Index(fields=["owner", "status", "created_at"], name="task_owner_status_idx"),
            models.Index(fields=["owner", "due_date"], name="task_owner_due_date_idx"),
            models.Index(fields=["owner", "title"], name="task_owner_title_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["todo", "doing", "done"]),
                name="task_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title
