"""`/api/v1/`: one router over every app's `api.py`, the OpenAPI schema and its documentation.

An app offers endpoints by defining, in `<app>/api.py`, `ROUTES = [(prefix, viewset, basename)]`
for viewsets and optionally `URLS = [path(...)]` for single views. Endpoints live with their app
(next to its services and permissions); this module only gathers them, so adding an endpoint
never touches another app.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

app_name = "api"


def _api_modules():
    for config in apps.get_app_configs():
        if not config.name.startswith("hankesalkku."):
            continue
        module_name = f"{config.name}.api"
        if find_spec(module_name) is not None:
            yield import_module(module_name)


router = DefaultRouter()
router.include_format_suffixes = False  # one URL per resource; the Accept header picks JSON
extra_urls = []
for module in _api_modules():
    for prefix, viewset, basename in getattr(module, "ROUTES", ()):
        router.register(prefix, viewset, basename=basename)
    extra_urls.extend(getattr(module, "URLS", ()))

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    *extra_urls,
    *router.urls,
]
