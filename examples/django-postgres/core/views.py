"""Health check and API documentation: plain Django views, no authentication."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OPENAPI_DOCUMENT = settings.BASE_DIR / "docs" / "openapi.yaml"


@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        logger.warning("Health check: the database cannot be reached: %s", exc)
        return JsonResponse({"status": "error", "checks": {"database": "error"}}, status=503)
    return JsonResponse({"status": "ok", "checks": {"database": "ok"}})


@require_safe
def openapi_document(request: HttpRequest) -> HttpResponse:
    """The contract, byte for byte as it is in docs/openapi.yaml."""
    return HttpResponse(OPENAPI_DOCUMENT.read_bytes(), content_type="application/yaml")


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI (loaded from a CDN) showing /openapi.yaml."""
    return render(request, "core/swagger_ui.html")
