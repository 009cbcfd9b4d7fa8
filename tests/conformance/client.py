"""An HTTP client for the suite: every response it gets is checked against the OpenAPI document.

Tests assert their own rule first; the responses they received are then checked
against the document after the test body (see plugin.pytest_runtest_call), so a
failure names the most specific rule broken.
"""

from __future__ import annotations

import json as jsonlib
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

from .contract import Contract

PASSWORD = "correct-horse-battery"
TIMEOUT = 30


def new_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = (
        False  # no proxy or .netrc from the environment between the suite and the server
    )
    return session


class ContractViolation(AssertionError):
    pass


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
    base_url: str
    contract: Contract
    # False for fixtures' set-up requests: the tests of each rule check those responses
    # themselves, so a broken rule fails its own tests instead of every set-up.
    record: bool = True
    session: requests.Session = field(default_factory=new_session)
    received: list[requests.Response] = field(default_factory=list)

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
        response = self.session.request(
            method,
            self.base_url + path,
            headers=all_headers,
            timeout=TIMEOUT,
            allow_redirects=False,
            **kwargs,
        )
        if self.record:
            self.received.append(response)
        return response

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.request("POST", path, **kw)

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

    def violations(self, responses: list[requests.Response] | None = None) -> list[str]:
        found = []
        for response in self.received if responses is None else responses:
            found += self.contract.problems(
                response.request.method,
                response.url,
                response.status_code,
                response.headers,
                response.content,
            )
        return found

    def raise_on_violations(self, responses: list[requests.Response] | None = None) -> None:
        found = self.violations(responses)
        if found:
            raise ContractViolation(
                "[rule: every response matches docs/openapi.yaml] " + "\n  ".join(found)
            )

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

    def new_user(self) -> User:
        email = unique_email()
        registered = self.register(email)
        assert registered.status_code == 201, f"register {email}: {describe(registered)}"
        logged_in = self.login(email)
        assert logged_in.status_code == 200, f"login {email}: {describe(logged_in)}"
        return User(registered.json()["id"], email, PASSWORD, logged_in.json()["accessToken"])

    # Tasks ------------------------------------------------------------------------------

    def create_task(self, user: User, **fields: Any) -> dict:
        fields.setdefault("title", "A task")
        response = self.post("/api/v1/tasks", user=user, json=fields)
        assert response.status_code == 201, f"create task {fields}: {describe(response)}"
        return response.json()


def unique_email(prefix: str = "conformance") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}@example.com"


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
        raise AssertionError(f"the body is not JSON: {describe(response)}") from None


def dumps(value: Any) -> str:
    return jsonlib.dumps(value, separators=(",", ":"))
