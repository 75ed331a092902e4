"""Helpers for page tests: money as the pages print it, and the source links of a record."""

from decimal import Decimal

from django.urls import reverse

from hankesalkku.core.money import format_eur
from hankesalkku.sources.models import SourceReference


def eur(amount: str, qualifier: str = "exact") -> str:
    return format_eur(Decimal(amount), qualifier)


def source_urls(obj, field: str = "") -> list[str]:
    refs = SourceReference.objects.for_objects([obj]).get((type(obj), obj.pk, field), [])
    return [reverse("sources:source", args=[ref.pk]) for ref in refs]


def html(response) -> str:
    return response.content.decode()


def confirm_password(client, password: str = "salasana-123") -> None:
    """Re-authenticate as a person does before a sensitive action (writing records, roles)."""
    from django.urls import reverse

    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302, response.content.decode()[:500]
