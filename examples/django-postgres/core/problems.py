"""RFC 9457 problem details: the one shape of every error the API answers.

DRF's exceptions go through `problem_exception_handler` (settings.REST_FRAMEWORK);
Django's own error pages (unknown route, 500...) are rewritten by
`core.middleware.ProblemDetailsMiddleware`.
"""

from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

from django.http import JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem(status: int, detail: str, **extra: Any) -> dict[str, Any]:
    """The body of a problem: `type` is about:blank, so `title` is the status phrase."""
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }


def problem_response(status: int, detail: str) -> JsonResponse:
    """A problem answered by plain Django code (middleware, error views)."""
    return JsonResponse(problem(status, detail), status=status, content_type=PROBLEM_CONTENT_TYPE)


def field_errors(detail: Any, field: str = "") -> Iterator[dict[str, str]]:
    """Flatten DRF's error tree into one `{field, message}` entry per failing field."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            yield from field_errors(value, f"{field}.{key}" if field else str(key))
    elif isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        for index, item in enumerate(detail):
            yield from field_errors(item, f"{field}[{index}]")
    else:
        messages = detail if isinstance(detail, list) else [detail]
        yield {"field": field or "body", "message": " ".join(str(m) for m in messages)}


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, with problem bodies: validation is 422, not DRF's default 400."""
    if isinstance(exc, exceptions.ValidationError):
        body = problem(422, "The request is not valid.", errors=list(field_errors(exc.detail)))
        return Response(body, status=422, content_type=PROBLEM_CONTENT_TYPE)

    # DRF turns Http404 into 404 and sets WWW-Authenticate on 401s. Anything it
    # does not know (a bug) stays an exception: Django logs it and answers 500.
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data if isinstance(response.data, dict) else {}
    detail = str(data.get("detail") or HTTPStatus(response.status_code).description)
    response.data = problem(response.status_code, detail)
    response.content_type = PROBLEM_CONTENT_TYPE
    return response
