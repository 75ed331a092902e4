"""The financing plan's checks beyond one part's own sums: who pays the municipal share, the
city's commitment behind it, and the project entity against its parts.

Why apart from rules.py: these read other records (the city's commitment decision, the other
parts), while rules.py checks the part against its call. Both feed `application_problems`, the
live check and the submit, so they never disagree.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from hankesalkku.core.money import Qualifier, format_eur
from hankesalkku.decisions.models import Commitment, CommitmentPurpose

from . import costs


def municipal_commitment(application) -> Commitment | None:
    """The city's decision to pay this part's municipal share, where one is recorded.

    Seed 001: Helsinki commits at most 73 250 € from budget item 1 50 04 to Forum Virium
    Helsinki's part of HOT; that commitment names the entity, the payer and the beneficiary.
    """
    if not application.entity_id or not application.municipal_financing_payer_id:
        return None
    found = Commitment.objects.filter(
        entity_id=application.entity_id,
        payer_id=application.municipal_financing_payer_id,
        beneficiary_id=application.organisation_id,
        purpose=CommitmentPurpose.MUNICIPAL_FINANCING,
    ).select_related("decision", "budget_item")
    item = application.municipal_financing_budget_item_id
    if item:
        found = found.filter(budget_item_id=item)
    return found.order_by("pk").first()


def municipal_problems(application) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    amount = application.municipal_financing
    if amount and not application.municipal_financing_payer_id:
        problems.append(
            (
                "municipal_financing_payer",
                _("Kuntarahoituksen maksaja: kerro, mikä kunta maksaa kuntarahoitusosuuden."),
            )
        )
    item = application.municipal_financing_budget_item
    if item is not None and application.municipal_financing_payer_id:
        payer = application.municipal_financing_payer
        if item.organisation_id not in {payer.pk, *payer_units(payer)}:
            problems.append(
                (
                    "municipal_financing_budget_item",
                    _("Talousarviokohta %(item)s ei ole maksajan %(payer)s.")
                    % {"item": item, "payer": payer},
                )
            )
    commitment = municipal_commitment(application)
    if commitment is not None and amount is not None and amount > commitment.amount:
        problems.append(
            (
                "municipal_financing",
                _(
                    "Kuntarahoitus %(amount)s on enemmän kuin maksajan päätöksessä sitoutunut "
                    "%(committed)s."
                )
                % {
                    "amount": format_eur(amount),
                    "committed": format_eur(commitment.amount, commitment.qualifier),
                },
            )
        )
    return problems


def payer_units(payer) -> set[int]:
    """A city's budget items may belong to its units (a division's own budget)."""
    from hankesalkku.organisations.models import Organisation

    ids, frontier = set(), {payer.pk}
    while frontier:
        frontier = (
            set(Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            - ids
        )
        ids |= frontier
    return ids


def _sum(parts, name: str) -> Decimal | None:
    values = [getattr(part, name) for part in parts]
    if any(value is None for value in values):
        return None
    return sum(values, Decimal("0"))


def entity_problems(application, *, total: Decimal | None = None) -> list[tuple[str, str]]:
    """The parts together against what the entity says of the whole project.

    "At most" (999 990 € for the Oulu-led project of seed 000) is a ceiling the parts may not
    pass. "About" (HOT's 550 000 €) is not a rule, and an entity whose parts are submitted here
    takes their sum as its total (services/submit.py), so an exact total is not checked either.
    """
    entity = application.entity
    totals = {part.pk: part.total_cost for part in entity.applications.all()}
    if total is not None:  # the live check: this part as typed, the others as saved
        totals[application.pk] = total
    subtotal = sum((value for value in totals.values() if value is not None), Decimal("0"))
    problems: list[tuple[str, str]] = []
    ceiling = entity.max_total_cost
    if entity.total_cost is not None and entity.total_cost_qualifier == Qualifier.AT_MOST:
        ceiling = entity.total_cost if ceiling is None else min(ceiling, entity.total_cost)
    if ceiling is not None and subtotal > ceiling:
        problems.append(
            (
                "total_cost",
                _(
                    "Osien kokonaiskustannukset ovat yhteensä %(sum)s €, enemmän kuin koko "
                    "hankkeen enimmäismäärä %(max)s €."
                )
                % {"sum": costs.fi_amount(subtotal), "max": costs.fi_amount(ceiling)},
            )
        )
    return problems


def entity_summary(entity) -> dict:
    """The whole project's figures as the parts add up, beside the entity's own (the page)."""
    parts = list(entity.applications.all())
    return {
        "total_cost": _sum(parts, "total_cost"),
        "support": _sum(parts, "support"),
        "stated_total": entity.total_cost,
        "stated_qualifier": entity.total_cost_qualifier,
        "max_total_cost": entity.max_total_cost,
    }
