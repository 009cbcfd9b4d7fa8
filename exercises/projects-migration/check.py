"""The check of `projects-migration`: projects, the Inbox, tasks' projectId, and the migration.

Its setup runs the commit the exercise started from (recorded by `scaffold exercise
start`) on the check's throwaway database, creates two users with tasks through that old
API and stops it; the learner's server then starts on the same database, so
`make migrate` meets real old data. The last rule logs in as those users and looks for
every old task in its owner's Inbox. The other rules use users of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, cast

from scaffolder.exercise.checking import CannotRun, Check, RuleContext, RuleFailed, SetupContext
from scaffolder.http.client import Api, User
from scaffolder.http.problems import expect_problem, expect_status, expect_validation

check = Check()

INBOX = "Inbox"
# Looks like an id in no stack (not an integer, not an ObjectId, not a UUID).
MALFORMED_ID = "not-an-id"
# Old tasks the setup creates per user through the starter's API.
OLD_TASKS = (
    {"title": "Old task one", "status": "todo"},
    {"title": "Old task two", "status": "doing", "dueDate": "2027-03-01"},
    {"title": "Old task three", "status": "done", "description": "Created before projects"},
)
NO_BASE_URL = (
    "old-tasks-in-inbox cannot run against a server you started yourself (--base-url): the "
    "check must run the commit the exercise started from on a throwaway database before your "
    "migration; run `scaffold exercise check projects-migration` without --base-url"
)
NO_START = (
    "run `scaffold exercise start projects-migration` first: the check runs the commit the "
    "exercise started from, to create the old tasks your migration has to move"
)


def _checkout(ctx: SetupContext) -> AbstractContextManager[Path]:
    """A temporary `git worktree` of the start commit: the launcher's own when it has one
    (scaffold's knows the stack's dependency folders), else the engine's."""
    assert ctx.project is not None and ctx.start_commit is not None
    own = getattr(ctx.launcher, "checkout", None)
    if callable(own):
        return cast("AbstractContextManager[Path]", own(ctx.start_commit))
    try:
        from scaffolder.exercise.server import checkout
    except ImportError as exc:  # an engine without it cannot run this setup
        raise CannotRun(f"this scaffold cannot check out an older commit ({exc})") from exc
    return cast("AbstractContextManager[Path]", checkout(ctx.project, ctx.start_commit))


@check.setup
def old_tasks(ctx: SetupContext) -> Iterator[dict[str, str]]:
    """Users and tasks made by the starter, on the database the learner's code migrates."""
    if ctx.launcher is None or ctx.database is None or ctx.project is None:
        ctx.state["cannot-run"] = NO_BASE_URL
    elif not ctx.start_commit:
        ctx.state["cannot-run"] = NO_START
    else:
        launcher, database = ctx.launcher, ctx.database
        users = []
        with (
            _checkout(ctx) as starter,
            launcher.serve(starter, database, {}, lambda message: None) as url,
        ):
            api = Api(url)
            for _ in range(2):
                user = api.new_user()
                ids = [str(api.create_task(user, **task)["id"]) for task in OLD_TASKS]
                users.append((user.email, user.password, ids))
        ctx.state["old-users"] = users
    yield {}


def create(ctx: RuleContext, user: User, name: Any) -> dict[str, Any]:
    response = ctx.api.post("/api/v1/projects", user=user, json={"name": name})
    body = expect_status(response, 201, f"POST /api/v1/projects {{name: {name!r}}}")
    ctx.expect(
        isinstance(body, dict) and {"id", "name", "createdAt"} <= set(body),
        "201 with the project {id, name, createdAt}",
        response,
    )
    ctx.expect(isinstance(body["id"], str), "the id as a string (like task ids)", response)
    location = response.headers.get("Location", "")
    ctx.expect(
        location.endswith(f"/api/v1/projects/{body['id']}"),
        f"a Location header ending /api/v1/projects/{body['id']} (got {location!r})",
        response,
    )
    return dict(body)


def projects(ctx: RuleContext, user: User) -> list[dict[str, Any]]:
    """Every project of `user` (one page of 100 is all of them in this check)."""
    response = ctx.api.get("/api/v1/projects?pageSize=100", user=user)
    body = expect_status(response, 200, "GET /api/v1/projects")
    envelope = {"items", "page", "pageSize", "totalItems", "totalPages"}
    ctx.expect(
        isinstance(body, dict) and envelope <= set(body),
        "the Tasks API list envelope {items, page, pageSize, totalItems, totalPages}",
        response,
    )
    items = body["items"]
    ctx.expect(body["totalItems"] == len(items), "totalItems counting every project", response)
    return list(items)


def inbox_of(ctx: RuleContext, user: User) -> dict[str, Any]:
    inboxes = [project for project in projects(ctx, user) if project.get("name") == INBOX]
    if len(inboxes) != 1:
        raise RuleFailed(f"exactly one project named {INBOX} for {user.email}", f"{len(inboxes)}")
    return inboxes[0]


def task_list(ctx: RuleContext, user: User, query: str = "") -> list[dict[str, Any]]:
    response = ctx.api.get(f"/api/v1/tasks?pageSize=100{query}", user=user)
    return list(expect_status(response, 200, "GET /api/v1/tasks")["items"])


@check.rule("projects-crud")
def projects_crud(ctx: RuleContext) -> None:
    user = ctx.api.new_user()
    made = [create(ctx, user, name) for name in ("Work", "Errands", "Zebra", "apple")]
    for project in made:
        response = ctx.api.get(f"/api/v1/projects/{project['id']}", user=user)
        got = expect_status(response, 200, "projects-crud")
        same = isinstance(got, dict) and all(got.get(key) == project[key] for key in ("id", "name"))
        ctx.expect(
            same,
            f"GET answers the project as created: {project}",
            response,
        )
    listed = projects(ctx, user)
    names = [project["name"] for project in listed]
    # by code point: upper case before lower case, "Inbox" among them
    expected = sorted(["Work", "Errands", "Zebra", "apple", INBOX])
    ctx.expect(names == expected, f"the projects sorted by name (code points): {expected}", None)
    work = made[0]
    response = ctx.api.patch(f"/api/v1/projects/{work['id']}", user=user, json={"name": "Job"})
    renamed = expect_status(response, 200, "projects-crud")
    ctx.expect(
        isinstance(renamed, dict) and renamed.get("name") == "Job" and renamed["id"] == work["id"],
        "200 with the renamed project",
        response,
    )
    response = ctx.api.delete(f"/api/v1/projects/{work['id']}", user=user)
    ctx.expect(response.status_code == 204 and not response.content, "204, no body", response)
    expect_problem(ctx.api.get(f"/api/v1/projects/{work['id']}", user=user), 404, "projects-crud")
    response = ctx.api.get("/api/v1/projects")
    expect_problem(response, 401, "projects-crud")


@check.rule("project-names")
def project_names(ctx: RuleContext) -> None:
    user = ctx.api.new_user()
    trimmed = create(ctx, user, "  Garden  ")
    ctx.expect(trimmed["name"] == "Garden", "the name trimmed: 'Garden'", None)
    create(ctx, user, "é" * 100)  # 100 code points (200 bytes in UTF-8)
    for bad in ("", "   ", "x" * 101, "é" * 101, 42, None, ["Work"]):
        response = ctx.api.post("/api/v1/projects", user=user, json={"name": bad})
        expect_validation(response, {"name"}, "project-names")
    response = ctx.api.post("/api/v1/projects", user=user, json={})
    expect_validation(response, {"name"}, "project-names")
    work = create(ctx, user, "Work")
    for taken in ("WORK", " work ", "Garden"):
        response = ctx.api.post("/api/v1/projects", user=user, json={"name": taken})
        expect_problem(response, 409, "project-names")
    expect_problem(
        ctx.api.post("/api/v1/projects", user=user, json={"name": "inbox"}), 409, "project-names"
    )
    response = ctx.api.patch(f"/api/v1/projects/{work['id']}", user=user, json={"name": "garden"})
    expect_problem(response, 409, "project-names")
    response = ctx.api.patch(f"/api/v1/projects/{work['id']}", user=user, json={"name": "WORK"})
    renamed = expect_status(response, 200, "project-names")  # its own name in another case
    ctx.expect(renamed.get("name") == "WORK", "200 renamed to WORK", response)
    response = ctx.api.patch(f"/api/v1/projects/{work['id']}", user=user, json={"name": " "})
    expect_validation(response, {"name"}, "project-names")
    # code-point lower-casing: accents count, case does not
    create(ctx, user, "Cafe")
    create(ctx, user, "Café")
    expect_problem(
        ctx.api.post("/api/v1/projects", user=user, json={"name": "CAFÉ"}), 409, "project-names"
    )
    other = ctx.api.new_user()
    create(ctx, other, "Work")  # unique per owner only


@check.rule("projects-are-private")
def projects_are_private(ctx: RuleContext) -> None:
    owner, other = ctx.api.new_user(), ctx.api.new_user()
    secret = create(ctx, owner, "Secret plans")
    for project_id in (secret["id"], MALFORMED_ID):
        path = f"/api/v1/projects/{project_id}"
        expect_problem(ctx.api.get(path, user=other), 404, "projects-are-private")
        response = ctx.api.patch(path, user=other, json={"name": "Mine now"})
        expect_problem(response, 404, "projects-are-private")
        expect_problem(ctx.api.delete(path, user=other), 404, "projects-are-private")
    names = [project["name"] for project in projects(ctx, other)]
    ctx.expect(names == [INBOX], f"the other user lists only their own Inbox (got {names})", None)
    response = ctx.api.get(f"/api/v1/projects/{secret['id']}", user=owner)
    body = expect_status(response, 200, "projects-are-private")
    ctx.expect(body.get("name") == "Secret plans", "the owner's project unchanged", response)


@check.rule("inbox-at-registration")
def inbox_at_registration(ctx: RuleContext) -> None:
    user = ctx.api.new_user()
    listed = projects(ctx, user)
    ctx.expect(
        [project.get("name") for project in listed] == [INBOX],
        f"a new user's projects: exactly one, named {INBOX} (got {listed})",
        None,
    )


@check.rule("inbox-protected")
def inbox_protected(ctx: RuleContext) -> None:
    user = ctx.api.new_user()
    inbox = inbox_of(ctx, user)
    path = f"/api/v1/projects/{inbox['id']}"
    expect_problem(ctx.api.patch(path, user=user, json={"name": "Later"}), 409, "inbox-protected")
    expect_problem(ctx.api.delete(path, user=user), 409, "inbox-protected")
    response = ctx.api.get(path, user=user)
    body = expect_status(response, 200, "inbox-protected")
    ctx.expect(body.get("name") == INBOX, f"the {INBOX} still there, still named so", response)


@check.rule("task-project-id")
def task_project_id(ctx: RuleContext) -> None:
    user, other = ctx.api.new_user(), ctx.api.new_user()
    inbox = inbox_of(ctx, user)
    home = create(ctx, user, "Home")
    foreign = create(ctx, other, "Foreign")
    response = ctx.api.post("/api/v1/tasks", user=user, json={"title": "No project given"})
    default = expect_status(response, 201, "task-project-id")
    ctx.expect(default.get("projectId") == inbox["id"], "projectId: the owner's Inbox", response)
    response = ctx.api.post(
        "/api/v1/tasks", user=user, json={"title": "At home", "projectId": home["id"]}
    )
    at_home = expect_status(response, 201, "task-project-id")
    ctx.expect(at_home.get("projectId") == home["id"], f"projectId {home['id']!r}", response)
    refused: list[Any] = [foreign["id"], MALFORMED_ID, 12345]
    for project_id in refused:
        response = ctx.api.post(
            "/api/v1/tasks", user=user, json={"title": "Refused", "projectId": project_id}
        )
        expect_validation(response, {"projectId"}, "task-project-id")
        response = ctx.api.patch(
            f"/api/v1/tasks/{default['id']}", user=user, json={"projectId": project_id}
        )
        expect_validation(response, {"projectId"}, "task-project-id")
    response = ctx.api.patch(
        f"/api/v1/tasks/{default['id']}", user=user, json={"projectId": home["id"]}
    )
    moved = expect_status(response, 200, "task-project-id")
    ctx.expect(moved.get("projectId") == home["id"], "PATCH moves the task to Home", response)
    ids = sorted(task["id"] for task in task_list(ctx, user, f"&projectId={home['id']}"))
    ctx.expect(
        ids == sorted([default["id"], at_home["id"]]),
        f"?projectId={home['id']} lists exactly Home's two tasks (got {ids})",
        None,
    )
    ctx.expect(task_list(ctx, user, f"&projectId={inbox['id']}") == [], "an empty Inbox", None)
    for project_id in (foreign["id"], MALFORMED_ID):
        response = ctx.api.get(f"/api/v1/tasks?projectId={project_id}", user=user)
        expect_validation(response, {"projectId"}, "task-project-id")


@check.rule("project-with-tasks-not-deletable")
def project_with_tasks_not_deletable(ctx: RuleContext) -> None:
    user = ctx.api.new_user()
    inbox = inbox_of(ctx, user)
    busy = create(ctx, user, "Busy")
    task = ctx.api.create_task(user, title="Keeps Busy busy", projectId=busy["id"])
    path = f"/api/v1/projects/{busy['id']}"
    expect_problem(ctx.api.delete(path, user=user), 409, "project-with-tasks-not-deletable")
    response = ctx.api.get(f"/api/v1/tasks/{task['id']}", user=user)
    expect_status(response, 200, "project-with-tasks-not-deletable")  # the task survived
    response = ctx.api.patch(
        f"/api/v1/tasks/{task['id']}", user=user, json={"projectId": inbox["id"]}
    )
    expect_status(response, 200, "project-with-tasks-not-deletable")
    response = ctx.api.delete(path, user=user)
    ctx.expect(response.status_code == 204, "204 once its tasks are elsewhere", response)


@check.rule("old-tasks-in-inbox")
def old_tasks_in_inbox(ctx: RuleContext) -> None:
    if "cannot-run" in ctx.state:
        raise CannotRun(ctx.state["cannot-run"])
    for email, password, task_ids in ctx.state["old-users"]:
        response = ctx.api.login(email, password)
        token = expect_status(response, 200, "old-tasks-in-inbox")["accessToken"]
        user = User("", email, password, token)
        inbox = inbox_of(ctx, user)
        tasks = {task["id"]: task for task in task_list(ctx, user)}
        missing = [task_id for task_id in task_ids if task_id not in tasks]
        if missing:
            raise RuleFailed(
                f"the {len(task_ids)} tasks {email} had before the migration, still there",
                f"tasks {missing} are gone; the user's tasks now: {sorted(tasks)}",
            )
        elsewhere = {
            task_id: tasks[task_id].get("projectId")
            for task_id in task_ids
            if tasks[task_id].get("projectId") != inbox["id"]
        }
        if elsewhere:
            raise RuleFailed(
                f"every old task of {email} in its Inbox (projectId {inbox['id']!r})",
                f"task id -> projectId {elsewhere}",
            )
        for task_id, old in zip(task_ids, OLD_TASKS, strict=True):
            kept = {key: tasks[task_id].get(key) for key in old}
            ctx.expect(kept == old, f"task {task_id} as it was: {old} (got {kept})", None)
