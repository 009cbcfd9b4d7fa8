"""The URL map: health and documentation at the root, the API under /api/v1."""

from django.urls import include, path

from core import views

urlpatterns = [
    path("health", views.health, name="health"),
    path("openapi.yaml", views.openapi_document, name="openapi"),
    path("docs", views.docs, name="docs"),
    path("api/v1/auth/", include("accounts.urls")),
    path("api/v1/", include("tasks.urls")),
]
