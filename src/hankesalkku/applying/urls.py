"""Pages of applying, mounted at /hakemukset/."""

from django.urls import path  # noqa: F401

app_name = "applying"

urlpatterns: list = []
