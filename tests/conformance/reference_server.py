"""A small in-memory server of Tasks API v1 that can break one rule on purpose.

It exists only to test the conformance suite itself (tests/test_conformance_catches_breakage.py):
unbroken, the suite must pass against it; started with `--break <rule>`, the suite must
fail and name that rule. It is a test double of a server, not a generated project:
data lives in memory and the password hash is deliberately cheap.

    python -m tests.conformance.reference_server --port 8000 [--break no-location ...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import secrets
import threading
import time
import uuid
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

DOCUMENT = Path(__file__).resolve().parents[2] / "templates" / "_shared" / "openapi.yaml"
TOKEN_LIFETIME = 3600

# Each way this server can be broken, and the rule of docs/tasks-api-v1.md it then breaks.
BREAKS = {
    "no-request-id": "responses carry no X-Request-Id",
    "html-404": "an unknown route answers an HTML 404",
    "problem-as-json": "errors are application/json instead of application/problem+json",
    "no-www-authenticate": "a 401 has no WWW-Authenticate header",
    "no-location": "creating a task answers no Location header",
    "no-cors": "no CORS headers at all",
    "cors-any-origin": "CORS allows every origin",
    "case-sensitive-email": "e-mails are compared case-sensitively",
    "duplicate-email": "registering a taken e-mail succeeds",
    "no-owner-scoping": "any user can read, change and delete any task",
    "owner-403": "another user's task is a 403",
    "malformed-id-500": "a malformed task id is a 500",
    "total-pages-floor": "totalPages is rounded down",
    "sort-title-ignored": "sort=title and -title are ignored",
    "status-filter-ignored": "the status filter is ignored",
    "page-size-unbounded": "pageSize over 100 is accepted",
    "id-writable": "a client can set a task's id and timestamps",
    "unknown-field-echoed": "unknown body fields are stored and echoed",
    "no-trim": "titles are not trimmed",
    "first-error-only": "a 422 lists only the first failing field",
    "405-as-404": "a wrong method on a known route is a 404",
    "any-media-type": "bodies are parsed as JSON whatever their Content-Type",
    "malformed-json-500": "a body that is not JSON is a 500",
    "non-ascii-title-500": "a title with a non-ASCII character is a 500",
    "snake-case": "tasks use snake_case keys",
    "modified-openapi": "GET /openapi.yaml serves a modified document",
    "password-over-72-bytes": "passwords over 72 bytes are accepted and truncated, as bcrypt does",
    "login-401-bare": "a failed login's 401 has no WWW-Authenticate header",
    "blank-description-kept": "an empty or blank description is stored as it is",
    "head-unauthenticated": "HEAD on a protected route needs no token",
    "register-race-500": "racing registrations of one e-mail end in a 500",
    "due-date-nulls-first": "tasks without a dueDate come first in -dueDate",
    "title-case-insensitive": "sort=title ignores case",
}
BROKEN: set[str] = set()

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STATUSES = ("todo", "doing", "done")
SORTS = ("createdAt", "-createdAt", "dueDate", "-dueDate", "title", "-title")


class HttpError(Exception):
    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        errors: list | None = None,
        headers: dict | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.errors = status, title, detail, errors
        self.headers = headers or {}


def invalid(errors: list[dict]) -> HttpError:
    if "first-error-only" in BROKEN:
        errors = errors[:1]
    return HttpError(422, "Validation failed", "The request has invalid fields.", errors)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Store:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users: dict[str, dict] = {}  # by e-mail key
        self.tokens: dict[str, tuple[str, float]] = {}
        self.tasks: dict[int, dict] = {}
        self.next_id = 1

    @staticmethod
    def email_key(email: str) -> str:
        return email if "case-sensitive-email" in BROKEN else email.lower()

    @staticmethod
    def hash_password(password: str, salt: bytes) -> bytes:
        # Cheap on purpose: this server is a test double, not an example to copy.
        secret = password.encode()
        if "password-over-72-bytes" in BROKEN:
            secret = secret[:72]  # what bcrypt does silently
        return hashlib.pbkdf2_hmac("sha256", secret, salt, 1_000)


STORE = Store()
DUMMY_SALT = secrets.token_bytes(16)


# Handlers: (handler, params, query, body) -> (status, body or None, extra headers) ---------


def health(h, params, query):
    return 200, {"status": "ok", "checks": {"database": "ok"}}, {}


def openapi(h, params, query):
    text = DOCUMENT.read_bytes()
    if "modified-openapi" in BROKEN:
        text += b"# served with a change\n"
    return 200, text, {"Content-Type": "application/yaml"}


def docs(h, params, query):
    page = b"<!doctype html><title>Tasks API</title><p>See <a href=/openapi.yaml>openapi.yaml</a>"
    return 200, page, {"Content-Type": "text/html; charset=utf-8"}


def public_user(user: dict) -> dict:
    return {k: user[k] for k in ("id", "email", "name", "createdAt")}


def register(h, params, query):
    body = h.json_body()
    errors = []
    email, password, name = body.get("email"), body.get("password"), body.get("name")
    if not isinstance(email, str) or not EMAIL.match(email):
        errors.append({"field": "email", "message": "Enter a valid e-mail address."})
    if not isinstance(password, str) or len(password) < 8:
        errors.append({"field": "password", "message": "Use at least 8 characters."})
    elif len(password.encode()) > 72 and "password-over-72-bytes" not in BROKEN:
        # bcrypt's limit, the contract's for every stack
        errors.append({"field": "password", "message": "Use at most 72 bytes."})
    if name is not None and not isinstance(name, str):
        errors.append({"field": "name", "message": "Must be a string."})
    if errors:
        raise invalid(errors)
    key = STORE.email_key(email)
    if "register-race-500" in BROKEN:  # check, then insert: a unique index would raise
        taken = key in STORE.users
        time.sleep(0.2)
        if not taken and key in STORE.users:
            raise RuntimeError("duplicate key value violates unique constraint")
        if taken:
            raise HttpError(409, "Conflict", "This e-mail is already registered.")
    with STORE.lock:
        if key in STORE.users and "duplicate-email" not in BROKEN:
            raise HttpError(409, "Conflict", "This e-mail is already registered.")
        salt = secrets.token_bytes(16)
        user = {
            "id": uuid.uuid4().hex,
            "email": key,
            "name": name,
            "createdAt": now(),
            "salt": salt,
            "hash": STORE.hash_password(password, salt),
        }
        STORE.users[key] = user
    return 201, public_user(user), {}


def login(h, params, query):
    body = h.json_body()
    email, password = body.get("email"), body.get("password")
    errors = [
        {"field": f, "message": "Required."}
        for f, v in (("email", email), ("password", password))
        if not isinstance(v, str)
    ]
    if errors:
        raise invalid(errors)
    user = STORE.users.get(STORE.email_key(email))
    # An unknown e-mail is checked against a dummy hash: the same work either way.
    salt, expected = (user["salt"], user["hash"]) if user else (DUMMY_SALT, b"")
    matches = secrets.compare_digest(expected, STORE.hash_password(password, salt))
    if user is None or not matches:
        raise HttpError(
            401,
            "Unauthorized",
            "Wrong e-mail or password.",
            headers={}
            if "login-401-bare" in BROKEN
            else {"WWW-Authenticate": 'Bearer realm="api"'},
        )
    token = secrets.token_urlsafe(32)
    STORE.tokens[token] = (user["email"], datetime.now(UTC).timestamp() + TOKEN_LIFETIME)
    return 200, {"accessToken": token, "tokenType": "Bearer", "expiresIn": TOKEN_LIFETIME}, {}


def me(h, params, query):
    return 200, public_user(h.current_user()), {}


def wire(task: dict) -> dict:
    out = {k: v for k, v in task.items() if k != "owner"}
    out["id"] = str(task["id"])
    if "snake-case" in BROKEN:
        out = {re.sub(r"([A-Z])", lambda m: "_" + m[1].lower(), k): v for k, v in out.items()}
    return out


def validate_task(body: dict, partial: bool) -> dict:
    clean, errors = {}, []
    if "title" in body or not partial:
        title = body.get("title")
        if isinstance(title, str) and "no-trim" not in BROKEN:
            title = title.strip()
        if not isinstance(title, str) or not 1 <= len(title) <= 200:
            errors.append({"field": "title", "message": "Use 1 to 200 characters."})
        else:
            if "non-ascii-title-500" in BROKEN and not title.isascii():
                raise RuntimeError("this server cannot store non-ASCII titles")
            clean["title"] = title
    if "description" in body:
        description = body["description"]
        if description is not None and (
            not isinstance(description, str) or len(description) > 2000
        ):
            errors.append(
                {"field": "description", "message": "Use at most 2000 characters, or null."}
            )
        else:
            # "" and blank descriptions are null (Oracle stores "" as NULL; every stack agrees)
            blank = not (description and description.strip())
            keep = "blank-description-kept" in BROKEN
            clean["description"] = None if blank and not keep else description
    if "status" in body:
        if body["status"] not in STATUSES:
            errors.append({"field": "status", "message": "Use todo, doing or done."})
        else:
            clean["status"] = body["status"]
    if "dueDate" in body:
        due = body["dueDate"]
        try:
            if due is not None:
                if not isinstance(due, str) or not DATE.match(due):
                    raise ValueError(due)
                date.fromisoformat(due)
            clean["dueDate"] = due
        except ValueError:
            errors.append({"field": "dueDate", "message": "Use YYYY-MM-DD, or null."})
    if errors:
        raise invalid(errors)
    if "id-writable" in BROKEN:
        clean.update({k: body[k] for k in ("id", "createdAt", "updatedAt") if k in body})
    if "unknown-field-echoed" in BROKEN:
        clean.update(
            {
                k: v
                for k, v in body.items()
                if k not in clean
                and k
                not in ("title", "description", "status", "dueDate", "id", "createdAt", "updatedAt")
            }
        )
    return clean


def list_tasks(h, params, query):
    user = h.current_user()
    errors = []

    def number(name: str, default: int, low: int, high: int | None) -> int:
        values = query.get(name)
        if not values:
            return default
        if (
            re.fullmatch(r"\d+", values[-1])
            and low <= int(values[-1])
            and (high is None or int(values[-1]) <= high or "page-size-unbounded" in BROKEN)
        ):
            return int(values[-1])
        errors.append(
            {
                "field": name,
                "message": f"Use an integer from {low}" + (f" to {high}." if high else "."),
            }
        )
        return default

    page, size = number("page", 1, 1, None), number("pageSize", 20, 1, 100)
    status = query.get("status", [None])[-1]
    if status is not None and status not in STATUSES:
        errors.append({"field": "status", "message": "Use todo, doing or done."})
    sort = query.get("sort", ["-createdAt"])[-1]
    if sort not in SORTS:
        errors.append({"field": "sort", "message": f"Use one of {', '.join(SORTS)}."})
    if errors:
        raise invalid(errors)
    if "sort-title-ignored" in BROKEN and sort.lstrip("-") == "title":
        sort = "-createdAt"
    with STORE.lock:
        mine = [
            t
            for t in STORE.tasks.values()
            if t["owner"] == user["id"]
            and (status is None or t["status"] == status or "status-filter-ignored" in BROKEN)
        ]
    field, descending = sort.lstrip("-"), sort.startswith("-")
    mine.sort(key=lambda t: t["id"], reverse=descending)  # stable tie-break
    key = (
        (lambda t: t[field].lower())
        if "title-case-insensitive" in BROKEN and field == "title"
        else (lambda t: t[field])
    )
    present = sorted((t for t in mine if t[field] is not None), key=key, reverse=descending)
    missing = [t for t in mine if t[field] is None]
    if "due-date-nulls-first" in BROKEN and descending:
        ordered = missing + present
    else:
        ordered = present + missing  # nulls last in both directions
    total = len(ordered)
    pages = total // size if "total-pages-floor" in BROKEN else math.ceil(total / size)
    items = ordered[(page - 1) * size : page * size]
    return (
        200,
        {
            "items": [wire(t) for t in items],
            "page": page,
            "pageSize": size,
            "totalItems": total,
            "totalPages": pages,
        },
        {},
    )


def create_task(h, params, query):
    user = h.current_user()
    clean = validate_task(h.json_body(), partial=False)
    with STORE.lock:
        task = {
            "id": STORE.next_id,
            "title": None,
            "description": None,
            "status": "todo",
            "dueDate": None,
            "createdAt": now(),
            "owner": user["id"],
        }
        STORE.next_id += 1
        task["updatedAt"] = task["createdAt"]
        task.update(clean)
        STORE.tasks[task["id"]] = task
    headers = {} if "no-location" in BROKEN else {"Location": f"/api/v1/tasks/{task['id']}"}
    return 201, wire(task), headers


def find_task(h, raw_id: str) -> dict:
    user = h.current_user()
    if "malformed-id-500" in BROKEN:
        task_id = int(raw_id)
    elif not re.fullmatch(r"[1-9]\d{0,17}", raw_id):
        raise HttpError(404, "Not Found", "No such task.")
    else:
        task_id = int(raw_id)
    task = STORE.tasks.get(task_id)
    if task is None:
        raise HttpError(404, "Not Found", "No such task.")
    if task["owner"] != user["id"]:
        if "owner-403" in BROKEN:
            raise HttpError(403, "Forbidden", "Not your task.")
        if "no-owner-scoping" not in BROKEN:
            raise HttpError(404, "Not Found", "No such task.")
    return task


def get_task(h, params, query):
    return 200, wire(find_task(h, params["id"])), {}


def update_task(h, params, query):
    task = find_task(h, params["id"])
    clean = validate_task(h.json_body(), partial=True)
    with STORE.lock:
        task.update(clean)
        if "updatedAt" not in clean:
            task["updatedAt"] = now()
    return 200, wire(task), {}


def delete_task(h, params, query):
    task = find_task(h, params["id"])
    with STORE.lock:
        STORE.tasks.pop(task["id"], None)
    return 204, None, {}


ROUTES = [
    (re.compile(r"^/health$"), {"GET": health}),
    (re.compile(r"^/openapi\.yaml$"), {"GET": openapi}),
    (re.compile(r"^/docs$"), {"GET": docs}),
    (re.compile(r"^/api/v1/auth/register$"), {"POST": register}),
    (re.compile(r"^/api/v1/auth/login$"), {"POST": login}),
    (re.compile(r"^/api/v1/auth/me$"), {"GET": me}),
    (re.compile(r"^/api/v1/tasks$"), {"GET": list_tasks, "POST": create_task}),
    (
        re.compile(r"^/api/v1/tasks/(?P<id>[^/]+)$"),
        {"GET": get_task, "PATCH": update_task, "DELETE": delete_task},
    ),
]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "reference"

    def log_message(self, format: str, *args: object) -> None:
        print(f"{self.command} {self.path} -> {args[1] if len(args) > 1 else ''}", flush=True)

    def allowed_origins(self) -> list[str]:
        raw = os.environ.get("CORS_ORIGINS", "http://localhost:3000,http://localhost:5173")
        return [o.strip() for o in raw.split(",") if o.strip()]

    def current_user(self) -> dict:
        if self.command == "HEAD" and "head-unauthenticated" in BROKEN:
            return {"id": None, "email": "", "name": None, "createdAt": now()}
        header = self.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        entry = STORE.tokens.get(token.strip()) if scheme == "Bearer" else None
        if entry is None or entry[1] < datetime.now(UTC).timestamp():
            headers = (
                {}
                if "no-www-authenticate" in BROKEN
                else {"WWW-Authenticate": 'Bearer realm="api"'}
            )
            raise HttpError(
                401, "Unauthorized", "A valid bearer token is required.", headers=headers
            )
        return STORE.users[entry[0]]

    def json_body(self) -> dict:
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != "application/json" and "any-media-type" not in BROKEN:
            raise HttpError(415, "Unsupported Media Type", "Send the body as application/json.")
        try:
            body = json.loads(self.body or b"null")
        except ValueError:
            if "malformed-json-500" in BROKEN:
                raise RuntimeError("unparsable body") from None
            raise HttpError(400, "Bad Request", "The body is not valid JSON.") from None
        if not isinstance(body, dict):
            raise HttpError(400, "Bad Request", "The body must be a JSON object.")
        return body

    def handle_any(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        request_id = self.headers.get("X-Request-Id") or uuid.uuid4().hex
        headers: dict[str, str] = {}
        if "no-request-id" not in BROKEN:
            headers["X-Request-Id"] = request_id
        origin = self.headers.get("Origin")
        if (
            origin
            and "no-cors" not in BROKEN
            and (origin in self.allowed_origins() or "cors-any-origin" in BROKEN)
        ):
            headers.update(
                {
                    "Access-Control-Allow-Origin": origin,
                    "Vary": "Origin",
                    "Access-Control-Expose-Headers": "X-Request-Id, Location",
                }
            )
        if self.command == "OPTIONS" and self.headers.get("Access-Control-Request-Method"):
            if "Access-Control-Allow-Origin" in headers:
                headers.update(
                    {
                        "Access-Control-Allow-Methods": "GET, POST, PATCH, DELETE, OPTIONS",
                        "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Request-Id",
                        "Access-Control-Max-Age": "600",
                    }
                )
            return self.send(204, None, headers)
        path = unquote(urlsplit(self.path).path)
        query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        try:
            status, body, extra = self.route(path, query)
        except HttpError as exc:
            status, body, extra = exc.status, self.problem(exc), exc.headers
        except Exception as exc:  # noqa: BLE001 - the catch-all every server needs: a 500 problem
            print(f"500: {exc!r}", flush=True)
            status, extra = 500, {}
            body = self.problem(HttpError(500, "Internal Server Error", "Something went wrong."))
        self.send(status, body, {**headers, **extra})

    def route(self, path: str, query: dict):
        for pattern, methods in ROUTES:
            match = pattern.match(path)
            if match is None:
                continue
            # HEAD is GET without the body (send() drops it), authenticated the same way.
            handler = methods.get("GET" if self.command == "HEAD" else self.command)
            if handler is None:
                if "405-as-404" in BROKEN:
                    raise HttpError(404, "Not Found", f"No route {path}.")
                raise HttpError(
                    405,
                    "Method Not Allowed",
                    f"{path} does not take {self.command}.",
                    headers={"Allow": ", ".join(methods)},
                )
            return handler(self, match.groupdict(), query)
        if "html-404" in BROKEN:
            return (
                404,
                b"<html><body><h1>Not Found</h1></body></html>",
                {"Content-Type": "text/html"},
            )
        raise HttpError(404, "Not Found", f"No route {path}.")

    def problem(self, exc: HttpError) -> dict:
        body = {
            "type": "about:blank",
            "title": exc.title,
            "status": exc.status,
            "detail": exc.detail,
        }
        if exc.errors is not None:
            body["errors"] = exc.errors
        return body

    def send(self, status: int, body: object, headers: dict[str, str]) -> None:
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode()
            is_problem = (
                isinstance(body, dict) and status >= 400 and "problem-as-json" not in BROKEN
            )
            headers.setdefault(
                "Content-Type", "application/problem+json" if is_problem else "application/json"
            )
        else:
            data = body or b""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = handle_any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument(
        "--break", dest="breaks", action="append", default=[], choices=sorted(BREAKS)
    )
    args = parser.parse_args()
    BROKEN.update(args.breaks)
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    print(
        f"reference server on http://{args.host}:{args.port} broken: {sorted(BROKEN) or 'nothing'}",
        flush=True,
    )
    server.serve_forever()


if __name__ == "__main__":
    main()
