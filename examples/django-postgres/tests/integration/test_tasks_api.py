"""The tasks endpoints, over HTTP against PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import User
from accounts.tokens import create_access_token
from tasks.models import Task, TaskCount
from tests.conftest import assert_problem

pytestmark = pytest.mark.django_db

TASKS = "/api/v1/tasks"


@pytest.fixture
def task(user):
    return Task.objects.create(owner=user, title="Write tests", status="doing")


@pytest.fixture
def other_client(make_user):
    client = APIClient(raise_request_exception=False)
    token = create_access_token(make_user("grace@example.com", "Grace"))
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_create_a_task(auth_client, user):
    response = auth_client.post(
        TASKS,
        {
            "title": "  Ship it  ",
            "description": "Before Friday",
            "dueDate": "2026-12-01",
            "id": "999",
            "createdAt": "2000-01-01T00:00:00Z",
            "owner": "someone-else",
            "priority": "high",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {
        "id", "title", "description", "status", "dueDate", "createdAt", "updatedAt",
    }  # fmt: skip
    assert body["title"] == "Ship it"
    assert body["status"] == "todo"
    assert body["dueDate"] == "2026-12-01"
    assert body["id"] != "999" and isinstance(body["id"], str)
    assert not body["createdAt"].startswith("2000")
    assert response["Location"] == f"{TASKS}/{body['id']}"
    assert Task.objects.get(pk=body["id"]).owner == user


def test_create_reports_every_failing_field(auth_client):
    response = auth_client.post(
        TASKS, {"title": " ", "status": "someday", "dueDate": "tomorrow"}, format="json"
    )
    body = assert_problem(response, 422)
    assert sorted(error["field"] for error in body["errors"]) == ["dueDate", "status", "title"]
    assert all(error["message"] for error in body["errors"])


def test_get_a_task(auth_client, task):
    response = auth_client.get(f"{TASKS}/{task.pk}")
    assert response.status_code == 200
    assert response.json()["id"] == str(task.pk)
    assert response.json()["description"] is None


def test_patch_changes_only_what_is_sent(auth_client, task):
    response = auth_client.patch(f"{TASKS}/{task.pk}", {"status": "done"}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["title"]) == ("done", "Write tests")
    task.refresh_from_db()
    assert task.status == "done"


def test_patch_validates(auth_client, task):
    body = assert_problem(
        auth_client.patch(f"{TASKS}/{task.pk}", {"title": ""}, format="json"), 422
    )
    assert body["errors"][0]["field"] == "title"


def test_patch_can_clear_nullable_fields(auth_client, user):
    task = Task.objects.create(owner=user, title="t", description="d", due_date="2026-01-02")
    response = auth_client.patch(
        f"{TASKS}/{task.pk}", {"description": None, "dueDate": None}, format="json"
    )
    assert (response.json()["description"], response.json()["dueDate"]) == (None, None)


def test_delete_a_task(auth_client, task):
    response = auth_client.delete(f"{TASKS}/{task.pk}")
    assert response.status_code == 204
    assert response.content == b""
    assert not Task.objects.filter(pk=task.pk).exists()


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_another_users_task_is_not_found(other_client, task, method):
    response = getattr(other_client, method)(f"{TASKS}/{task.pk}", {"title": "x"}, format="json")
    assert_problem(response, 404)
    assert Task.objects.filter(pk=task.pk, title="Write tests").exists()


@pytest.mark.parametrize("task_id", ["0", "123456789", "abc", "1.5", "99999999999999999999999"])
def test_unknown_and_malformed_ids_are_not_found(auth_client, task_id):
    assert_problem(auth_client.get(f"{TASKS}/{task_id}"), 404)


def test_tasks_need_a_token(api_client):
    response = api_client.get(TASKS)
    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_head_needs_a_token_like_get(api_client, task):
    for path in (TASKS, f"{TASKS}/{task.pk}"):
        response = api_client.head(path)
        assert response.status_code == 401, path
        assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_description_is_null(auth_client, task, blank):
    created = auth_client.post(TASKS, {"title": "t", "description": blank}, format="json")
    assert created.status_code == 201
    assert created.json()["description"] is None
    patched = auth_client.patch(f"{TASKS}/{task.pk}", {"description": blank}, format="json")
    assert patched.json()["description"] is None
    assert Task.objects.get(pk=task.pk).description is None


def test_list_is_a_page_envelope(auth_client, user):
    Task.objects.bulk_create(Task(owner=user, title=f"Task {n:02}") for n in range(25))
    response = auth_client.get(TASKS, {"page": 2, "pageSize": 10})
    assert response.status_code == 200
    body = response.json()
    assert {k: v for k, v in body.items() if k != "items"} == {
        "page": 2,
        "pageSize": 10,
        "totalItems": 25,
        "totalPages": 3,
    }
    assert len(body["items"]) == 10


def test_pages_do_not_overlap_and_a_page_past_the_end_is_empty(auth_client, user):
    Task.objects.bulk_create(Task(owner=user, title=f"Task {n}") for n in range(5))
    seen = []
    for page in (1, 2, 3):
        seen += [
            t["id"] for t in auth_client.get(TASKS, {"pageSize": 2, "page": page}).json()["items"]
        ]
    assert len(seen) == len(set(seen)) == 5
    assert auth_client.get(TASKS, {"page": 99}).json()["items"] == []


def test_list_reads_one_page_from_the_database(auth_client, user):
    Task.objects.bulk_create(Task(owner=user, title=f"Task {n}") for n in range(30))
    with CaptureQueriesContext(connection) as queries:
        response = auth_client.get(TASKS, {"pageSize": 5})
    assert len(response.json()["items"]) == 5
    assert response.json()["totalItems"] == 30
    task_queries = [q["sql"] for q in queries if '"tasks_task"' in q["sql"]]
    assert len(task_queries) == 1 and "LIMIT 5" in task_queries[0]  # the page, no COUNT
    count_queries = [q["sql"] for q in queries if '"tasks_taskcount"' in q["sql"]]
    assert len(count_queries) == 1  # the total, from the counts the triggers keep


def test_list_shows_only_my_tasks_filtered_by_status(auth_client, other_client, user):
    Task.objects.create(owner=user, title="mine", status="done")
    Task.objects.create(owner=user, title="mine too", status="todo")
    other_client.post(TASKS, {"title": "theirs", "status": "done"}, format="json")
    body = auth_client.get(TASKS, {"status": "done"}).json()
    assert [t["title"] for t in body["items"]] == ["mine"]
    assert body["totalItems"] == 1


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("title", ["a", "b", "c"]),
        ("-title", ["c", "b", "a"]),
        ("dueDate", ["b", "a", "c"]),
        ("-dueDate", ["a", "b", "c"]),
        ("createdAt", ["c", "a", "b"]),
        ("-createdAt", ["b", "a", "c"]),
    ],
)
def test_sorting(auth_client, sort, expected):
    # Created in this order: c, a, b. Due dates: b < a, c has none (always last).
    for title, due in (("c", None), ("a", "2026-12-02"), ("b", "2026-12-01")):
        auth_client.post(TASKS, {"title": title, "dueDate": due}, format="json")
    response = auth_client.get(TASKS, {"sort": sort})
    assert [t["title"] for t in response.json()["items"]] == expected


def test_the_counts_follow_every_kind_of_write(auth_client, other_client, user):
    def totals(client=auth_client):
        return {
            status: client.get(TASKS, {"status": status} if status else {}).json()["totalItems"]
            for status in ("", "todo", "doing", "done")
        }

    created = auth_client.post(TASKS, {"title": "t"}, format="json").json()
    assert totals() == {"": 1, "todo": 1, "doing": 0, "done": 0}
    auth_client.patch(f"{TASKS}/{created['id']}", {"status": "done"}, format="json")
    auth_client.patch(f"{TASKS}/{created['id']}", {"title": "renamed"}, format="json")
    assert totals() == {"": 1, "todo": 0, "doing": 0, "done": 1}
    # The triggers see writes that bypass the views and Django's signals too.
    Task.objects.bulk_create(Task(owner=user, title=f"b{n}", status="doing") for n in range(5))
    Task.objects.filter(owner=user, status="doing", title__in=["b0", "b1"]).update(status="todo")
    assert totals() == {"": 6, "todo": 2, "doing": 3, "done": 1}
    other_client.post(TASKS, {"title": "theirs"}, format="json")
    Task.objects.filter(owner=user, status="doing").delete()
    auth_client.delete(f"{TASKS}/{created['id']}")
    assert totals() == {"": 2, "todo": 2, "doing": 0, "done": 0}
    assert totals(other_client) == {"": 1, "todo": 1, "doing": 0, "done": 0}
    # Moving tasks to another owner moves their counts.
    grace = User.objects.get(email="grace@example.com")
    Task.objects.filter(owner=user).update(owner=grace)
    assert totals() == {"": 0, "todo": 0, "doing": 0, "done": 0}
    assert totals(other_client) == {"": 3, "todo": 3, "doing": 0, "done": 0}
    # And an account's deletion takes its tasks and counts with it.
    grace.delete()
    assert TaskCount.objects.filter(owner_id=grace.pk).total() == 0


def test_title_sorts_by_code_point(auth_client):
    # Case-sensitive, no locale rules: "B" (U+0042) < "a" (U+0061) < "é" (U+00E9).
    for title in ("é", "a", "B"):
        auth_client.post(TASKS, {"title": title}, format="json")
    for sort, expected in (("title", ["B", "a", "é"]), ("-title", ["é", "a", "B"])):
        items = auth_client.get(TASKS, {"sort": sort}).json()["items"]
        assert [t["title"] for t in items] == expected, sort


def test_the_default_list_is_read_from_an_index(auth_client, user, make_user):
    # Enough rows that a sequential scan and a sort would cost more than the index.
    owners = [user, make_user("grace@example.com"), make_user("alan@example.com")]
    Task.objects.bulk_create(
        Task(owner=owner, title=f"Task {n}", status=["todo", "doing", "done"][n % 3])
        for owner in owners
        for n in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE tasks_task")
    with CaptureQueriesContext(connection) as queries:
        response = auth_client.get(TASKS, {"status": "todo", "sort": "-createdAt"})
    assert response.json()["totalItems"] == 667
    [page_sql] = [q["sql"] for q in queries if '"tasks_task"' in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {page_sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # The index holds owner, status, then the whole order: no table scan, no sort.
    assert "task_owner_status_idx" in plan, plan
    assert "Seq Scan" not in plan and "Sort" not in plan, plan


def test_default_sort_is_newest_first(auth_client):
    for title in ("first", "second"):
        auth_client.post(TASKS, {"title": title}, format="json")
    assert [t["title"] for t in auth_client.get(TASKS).json()["items"]] == ["second", "first"]


@pytest.mark.parametrize(
    "query",
    [{"page": "0"}, {"pageSize": "101"}, {"pageSize": "x"}, {"status": "nope"}, {"sort": "id"}],
)
def test_bad_list_parameters_are_422(auth_client, query):
    body = assert_problem(auth_client.get(TASKS, query), 422)
    assert [error["field"] for error in body["errors"]] == list(query)
