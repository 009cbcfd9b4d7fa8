"""A small client for a Tasks API server: accounts, tasks, and the last request it sent.

The exercise checks and the conformance suite both use it (the suite's own `Api` adds
the OpenAPI-contract recording on top). `curl_line()` turns the last request back into a
command a learner can paste, which is how the check report shows what it sent.
"""

from __future__ import annotations

import json as jsonlib
import shlex
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

PASSWORD = "correct-horse-battery"
TIMEOUT = 30  # seconds for one answer: a check must not hang on a server that never answers

# Headers requests adds to every request by itself: noise in a curl line.
_DEFAULT_HEADERS = frozenset({"user-agent", "accept-encoding", "connection", "content-length"})


class UnexpectedResponse(AssertionError):
    """An answer that is not what a rule expects. An explicit exception, not `assert`,
    which `python -O` removes. `expected` and `got` are what the check report shows."""

    def __init__(self, message: str, *, expected: str = "", got: str = "") -> None:
        super().__init__(message)
        self.expected = expected or message
        self.got = got


def new_session() -> requests.Session:
    session = requests.Session()
    # No proxy or .netrc from the environment between the client and a loopback server.
    session.trust_env = False
    return session


@dataclass
class User:
    id: str
    email: str
    password: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class Api:
    """Requests to `base_url`; remembers the last request and response (for curl lines)."""

    base_url: str
    session: requests.Session = field(default_factory=new_session)
    last_request: requests.PreparedRequest | None = field(default=None, init=False)
    last_response: requests.Response | None = field(default=None, init=False)

    def request(
        self,
        method: str,
        path: str,
        *,
        user: User | None = None,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        all_headers = dict(headers or {})
        if user is not None:
            all_headers.update(user.auth)
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        prepared = self.session.prepare_request(
            requests.Request(
                method,
                self.base_url.rstrip("/") + path,
                headers=all_headers,
                **_request_arguments(kwargs),
            )
        )
        self.last_request, self.last_response = prepared, None
        response = self.session.send(
            prepared, timeout=kwargs.get("timeout", TIMEOUT), allow_redirects=False
        )
        self.last_response = response
        self.on_response(response)
        return response

    def on_response(self, response: requests.Response) -> None:
        """Called with every response: a subclass may record it (the conformance suite does)."""

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.request("POST", path, **kw)

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.request("PUT", path, **kw)

    def patch(self, path: str, **kw: Any) -> requests.Response:
        return self.request("PATCH", path, **kw)

    def delete(self, path: str, **kw: Any) -> requests.Response:
        return self.request("DELETE", path, **kw)

    def raw(
        self, method: str, path: str, body: bytes | str, content_type: str | None, **kw: Any
    ) -> requests.Response:
        """Send `body` as it is, with this Content-Type (None: no Content-Type header)."""
        headers = dict(kw.pop("headers", None) or {})
        if content_type is not None:
            headers["Content-Type"] = content_type
        return self.request(method, path, data=body, headers=headers, **kw)

    def curl(self) -> str | None:
        """The last request as a curl command line (None before the first request)."""
        return curl_line(self.last_request) if self.last_request is not None else None

    # Accounts ---------------------------------------------------------------------------

    def register(
        self,
        email: str | None = None,
        password: str = PASSWORD,
        name: str | None = "Conformance Tester",
    ) -> requests.Response:
        body: dict[str, Any] = {
            "email": unique_email() if email is None else email,
            "password": password,
        }
        if name is not None:
            body["name"] = name
        return self.post("/api/v1/auth/register", json=body)

    def login(self, email: str, password: str = PASSWORD) -> requests.Response:
        return self.post("/api/v1/auth/login", json={"email": email, "password": password})

    def new_user(self, email: str | None = None) -> User:
        """A registered, logged-in user (raises UnexpectedResponse if either step fails)."""
        email = unique_email() if email is None else email
        registered = self.register(email)
        _require(registered, 201, f"register {email}")
        logged_in = self.login(email)
        _require(logged_in, 200, f"login {email}")
        return User(
            json_body(registered)["id"], email, PASSWORD, json_body(logged_in)["accessToken"]
        )

    # Tasks ------------------------------------------------------------------------------

    def create_task(self, user: User, **fields: Any) -> Any:
        fields.setdefault("title", "A task")
        response = self.post("/api/v1/tasks", user=user, json=fields)
        _require(response, 201, f"create task {fields}")
        return response.json()


def _request_arguments(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of requests.Request among those of Session.request."""
    allowed = ("params", "data", "json", "files", "cookies", "auth")
    unknown = set(kwargs) - {*allowed, "timeout"}
    if unknown:
        raise TypeError(f"unsupported request arguments: {sorted(unknown)}")
    return {key: value for key, value in kwargs.items() if key in allowed}


def _require(response: requests.Response, status: int, what: str) -> None:
    if response.status_code != status:
        raise UnexpectedResponse(
            f"{what}: {describe(response)}", expected=f"{what}: {status}", got=summary(response)
        )


def unique_email(prefix: str = "conformance") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}@example.com"


def summary(response: requests.Response, limit: int = 600) -> str:
    """Status, Content-Type and the start of the body: what a report shows as `got`."""
    body = response.content[:limit].decode(errors="replace")
    content_type = response.headers.get("Content-Type", "no Content-Type")
    return f"{response.status_code} ({content_type}) {body}".strip()


def describe(response: requests.Response) -> str:
    """The response as a failure message shows it."""
    body = response.content[:800].decode(errors="replace")
    return (
        f"{response.request.method} {response.url} answered {response.status_code} "
        f"({response.headers.get('Content-Type', 'no Content-Type')}): {body}"
    )


def json_body(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise UnexpectedResponse(
            f"the body is not JSON: {describe(response)}",
            expected="a JSON body",
            got=summary(response),
        ) from None


def dumps(value: Any) -> str:
    return jsonlib.dumps(value, separators=(",", ":"))


def curl_line(request: requests.PreparedRequest) -> str:
    """`curl -X METHOD URL -H ... --data-raw BODY`, quoted for a POSIX shell."""
    parts = ["curl", "-i", "-X", request.method or "GET", request.url or ""]
    for name, value in request.headers.items():
        if name.lower() in _DEFAULT_HEADERS or (name.lower() == "accept" and value == "*/*"):
            continue
        shown = value.decode(errors="replace") if isinstance(value, bytes) else value
        parts += ["-H", f"{name}: {shown}"]
    body = request.body
    if body:
        text = body.decode(errors="replace") if isinstance(body, bytes) else str(body)
        parts += ["--data-raw", text]
    return " ".join(shlex.quote(part) for part in parts)
