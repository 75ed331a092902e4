"""Payments' signed-in pages, one of each kind, looked up in the loaded demo: the city's
ledger, a commitment with its payments and yearly plan, a new claim's form (unit costs and
milestones), a draft claim with its edit form and a paid claim with its check."""

from django.urls import reverse


def pages() -> dict[str, str]:
    from hankesalkku.decisions.models import Commitment
    from hankesalkku.payments.models import ClaimStatus, PaymentClaim
    from hankesalkku.projects.models import Application

    hot = Application.objects.get(entity__slug="hot", organisation__slug="forum-virium-helsinki")
    for_fvh = Commitment.objects.get(entity__slug="hot", beneficiary__slug="forum-virium-helsinki")
    draft = PaymentClaim.objects.filter(status=ClaimStatus.DRAFT).order_by("pk").first()
    paid = (
        PaymentClaim.objects.filter(status=ClaimStatus.PAID, application=hot)
        .order_by("-pk")
        .first()
    )
    return {
        "payments ledger": reverse("payments:ledger", args=["helsingin-kaupunki"]),
        "payments commitment": reverse("payments:commitment", args=[for_fvh.pk]),
        "payments new claim": reverse("payments:claim_new", args=[hot.pk]),
        "payments draft claim": reverse("payments:claim", args=[draft.pk]),
        "payments paid claim": reverse("payments:claim", args=[paid.pk]),
    }
