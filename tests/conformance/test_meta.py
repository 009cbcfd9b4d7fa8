"""Health and documentation routes.

The contract: docs/tasks-api-v1.md, section "Health and documentation".
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from .client import Api, describe
from .rules import expect_status, media_type


def test_health_is_ok_with_database_check(api: Api) -> None:
    body = expect_status(api.get("/health"), 200, "GET /health -> 200 when the database is up")
    assert body == {"status": "ok", "checks": {"database": "ok"}}, (
        f"[rule: GET /health body is {{status: ok, checks: {{database: ok}}}}] got {body}"
    )


def test_openapi_yaml_is_byte_identical_to_the_shared_document(api: Api) -> None:
    response = api.get("/openapi.yaml")
    expect_status(response, 200, "GET /openapi.yaml serves docs/openapi.yaml")
    assert response.content == api.contract.text, (
        "[rule: GET /openapi.yaml is byte-identical to templates/_shared/openapi.yaml] "
        f"served {len(response.content)} bytes, the shared document has {len(api.contract.text)}; "
        f"first difference at byte {first_difference(response.content, api.contract.text)}"
    )


def test_docs_is_an_html_viewer(api: Api) -> None:
    response = api.get("/docs")
    expect_status(response, 200, "GET /docs -> 200 interactive viewer")
    assert media_type(response) == "text/html", (
        f"[rule: GET /docs is an HTML page] {describe(response)}"
    )
    # The page, or one of its own scripts (a CSP may forbid inline ones), loads /openapi.yaml.
    sources = [response.text]
    for src in re.findall(r"<script[^>]*\ssrc=[\"']?([^\"' >]+)", response.text):
        url = urljoin(response.url, src)
        if urlsplit(url).netloc == urlsplit(response.url).netloc:
            sources.append(api.session.get(url, timeout=30).text)
    assert any("/openapi.yaml" in text for text in sources), (
        f"[rule: GET /docs is a viewer of /openapi.yaml (the page or its scripts load it)] "
        f"{describe(response)}"
    )


def first_difference(a: bytes, b: bytes) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
