"""What every open-data file shares: the public's view of the records, the licence, the date of
the last change, organisation identifiers and exact numbers.

Open data is what the public may see and nothing more: the read goes through the same
`visible_to` as the pages, for an anonymous user, so drafts never appear. Only organisations
are named (natural persons — presenters, officials — are left out of every format).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Prefetch
from django.utils import timezone

from hankesalkku.core.models import Activity
from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call, CallStrand
from hankesalkku.projects.models import Application, Partner, ProjectEntity

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "Hankesalkku"
ORG_ID_PREFIX = "FI-PRO"
"""The org-id.guide list for the Finnish Trade Register and Business Information System kept by
the Finnish Patent and Registration Office (PRH), whose identifier is the business ID
(Y-tunnus, e.g. 0201256-6): FI-PRO-0201256-6."""
LOCAL_ID_PREFIX = "360G-hankesalkku"
"""For an organisation with no business ID (a fictional demo organisation): a local id."""

RECORD_MODELS = (ProjectEntity, Application, Partner, Organisation, Call, CallStrand, Decision)


def public_viewer():
    return AnonymousUser()


def funded_operations():
    """The operations selected for support that the public may see, with what every format
    reads of them, in a stable order (by id)."""
    return (
        ProjectEntity.objects.visible_to(public_viewer())
        .funded()
        .select_related("call", "specific_objective", "funding_authority")
        .prefetch_related(
            "funding_ministries",
            "regions",
            "sectors",
            Prefetch(
                "applications",
                Application.objects.select_related(
                    "organisation", "organisation__parent", "organisation__region"
                ).order_by("pk"),
            ),
            Prefetch("decisions", Decision.objects.select_related("organisation").order_by("date")),
        )
        .order_by("pk")
    )


def last_update() -> datetime.datetime:
    """When a record that open data shows last changed (from the audit trail)."""
    types = ContentType.objects.get_for_models(*RECORD_MODELS, Commitment).values()
    latest = Activity.objects.filter(content_type__in=types).aggregate(at=Max("at"))["at"]
    return timezone.localtime(latest or timezone.now()).replace(microsecond=0)


def legal_entity(organisation: Organisation) -> Organisation:
    """A unit (Annantalo) acts for its organisation (the City of Helsinki): the beneficiary."""
    return organisation.top


def org_id(organisation: Organisation) -> str:
    top = legal_entity(organisation)
    if top.business_id:
        return f"{ORG_ID_PREFIX}-{top.business_id}"
    return f"{LOCAL_ID_PREFIX}-org-{top.slug}"


def exact_number(amount: Decimal | None):
    """A euro amount as a JSON number with exactly its decimal digits.

    An int when whole; otherwise a float, whose shortest repr gives back the same digits for
    the at most 15 significant digits a money field (14 digits, 2 decimals) holds.
    """
    if amount is None:
        return None
    if amount == amount.to_integral_value():
        return int(amount)
    value = float(amount)
    assert Decimal(repr(value)) == amount, amount
    return value


@dataclass(frozen=True)
class OpenFile:
    content: bytes
    content_type: str
    filename: str


def call_queryset():
    return Call.objects.with_related().order_by("opens", "pk")
