"""Applying's signed-in pages, looked up in the loaded demo: the illustrative draft's form with
its live checks and attachments, and a seed part as submitted. The start page panels are
fragments htmx puts into the profile page, which the walk checks as a whole."""

from django.urls import reverse


def pages() -> dict[str, str]:
    from hankesalkku.projects.models import Application

    draft = Application.objects.get(entity__acronym="KODA", role="main_implementer")
    submitted = Application.objects.get(entity__slug="hot", organisation__slug="helsingin-kaupunki")
    return {
        "application form": reverse("applying:detail", args=[draft.pk]),
        "application as submitted": reverse("applying:detail", args=[submitted.pk]),
    }
