"""Applying's signed-in pages, looked up in the loaded demo: the illustrative draft's form with
its live checks and attachments, a seed part as submitted, and the start page panels."""

from django.urls import reverse


def pages() -> dict[str, str]:
    from hankesalkku.projects.models import Application

    draft = Application.objects.get(entity__acronym="KODA", role="main_implementer")
    submitted = Application.objects.get(entity__slug="hot", organisation__slug="helsingin-kaupunki")
    return {
        "application form": reverse("applying:detail", args=[draft.pk]),
        "application as submitted": reverse("applying:detail", args=[submitted.pk]),
        "my applications panel": reverse("applying:mine"),
        "supplements panel": reverse("applying:supplements"),
    }
