"""Assessment's signed-in pages for the accessibility walk, in the loaded demo: the STM call of
2024–2025 under joint assessment (the ranking with its budget line and selection), one
illustrative application's assessment page with its sections, its scoring form, the summary
and a funded part's history of approved budgets."""

from django.urls import reverse


def pages() -> dict[str, str]:
    from hankesalkku.programmes.models import Call
    from hankesalkku.projects.models import Application, ApplicationStatus

    call = Call.objects.get(slug="haku-2024-stm")
    eligible = (
        Application.objects.filter(entity__call=call, status=ApplicationStatus.ELIGIBLE)
        .order_by("pk")
        .first()
    )
    submitted = Application.objects.filter(entity__call=call).order_by("pk").last()
    funded = Application.objects.filter(status=ApplicationStatus.FUNDED).order_by("pk").first()
    return {
        "assessment ranking": reverse("assessment:ranking", args=[call.slug]),
        "assessment application": reverse("assessment:application", args=[eligible.pk]),
        "assessment screening": reverse("assessment:screening", args=[submitted.pk]),
        "assessment scoring": reverse("assessment:scoring", args=[eligible.pk]),
        "assessment summary": reverse("assessment:summary", args=[eligible.entity.pk]),
        "assessment decision form": reverse("assessment:decision", args=[eligible.pk]),
        "assessment assessors": reverse("assessment:assessors", args=[call.slug]),
        "assessment amendments": reverse("assessment:amendments", args=[funded.pk]),
        "assessment waiting": reverse("assessment:waiting"),
    }
