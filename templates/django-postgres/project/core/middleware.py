"""Middleware that every response goes through, errors included."""

import re
import uuid
from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse

from . import log_context
from .problems import problem_response
from .views import health

RequestHandler = Callable[[HttpRequest], HttpResponse]

# What the contract accepts from a client; anything else gets a fresh id.
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._:-]{1,200}")


class RequestIdMiddleware:
    """Echo the client's X-Request-Id, or generate one, on every response.

    The id is also on `request.request_id` and in the log lines of the request.
    """

    def __init__(self, get_response: RequestHandler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-Id", "")
        request_id = incoming if REQUEST_ID_PATTERN.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = log_context.request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            log_context.request_id.reset(token)
        response["X-Request-Id"] = request_id
        return response


class ProblemDetailsMiddleware:
    """Rewrite Django's own error pages as problem details.

    DRF views already answer problems (core.problems). What is left is what
    Django answers itself: 404 for an unknown route, 405 from plain views,
    400 for a bad Host header, and 500 for an unhandled exception (Django logs
    it first). Those are HTML, and in DEBUG mode a traceback: never sent.
    """

    # Headers of the original answer that do not describe its body still hold.
    BODY_HEADERS = {"content-type", "content-length"}
    DETAILS = {
        400: "The request could not be understood.",
        403: "You are not allowed to do this.",
        404: "There is nothing at this address.",
        405: "This method is not allowed here.",
        500: "An unexpected error occurred. It has been logged.",
    }

    def __init__(self, get_response: RequestHandler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if response.status_code < 400 or content_type.startswith(
            ("application/problem+json", "application/json")
        ):
            return response
        status = response.status_code
        problem = problem_response(status, self.DETAILS.get(status, HTTPStatus(status).description))
        for header, value in response.items():
            if header.lower() not in self.BODY_HEADERS:
                problem[header] = value
        return problem


class HealthCheckMiddleware:
    """Answer /health before Django validates the Host header and redirects to HTTPS.

    The container's HEALTHCHECK and a load balancer's probe call the app by its
    IP address over plain HTTP: production's ALLOWED_HOSTS (your domain) would
    answer them 400, and SECURE_SSL_REDIRECT a 301. Nothing else skips those checks.
    """

    def __init__(self, get_response: RequestHandler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == "/health":
            return health(request)
        return self.get_response(request)
