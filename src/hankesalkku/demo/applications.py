"""An application in progress: an illustrative draft group project of Helsinki and Forum Virium.

The seed projects' parts are recorded as funded elsewhere (decision_54, decision_63); this one
shows what a part looks like while it is prepared: Helsinki's budget with the 40 % flat rate
computed, Forum Virium Helsinki's staff as a unit cost, neither submitted yet.
"""

from datetime import date
from decimal import Decimal

from hankesalkku.applying.services import application_budget_record
from hankesalkku.projects.models import ApplicationRole, ProjectKind
from hankesalkku.projects.services import application_create, project_entity_create


def draft_group_application(actor, *, city, call) -> None:
    entity = project_entity_create(
        actor=actor,
        name="Kaupunkidatan osaajat (luonnos)",
        acronym="KODA",
        kind=ProjectKind.GROUP,
        call=call,
        theme=call.theme,
        funding_authority=call.funding_authority,
        is_illustrative=True,
    )
    period = {"starts": date(2026, 1, 1), "ends": date(2026, 12, 31)}
    lead = application_create(
        actor=actor,
        entity=entity,
        organisation=city["helsinki"],
        role=ApplicationRole.MAIN_IMPLEMENTER,
        is_illustrative=True,
    )
    application_budget_record(
        actor=actor,
        application=lead,
        use_flat_rate=True,
        support=Decimal("105000.00"),
        lines=[{"category": "staff", "year": 2026, "amount": Decimal("100000.00")}],
        **period,
    )
    part = application_create(
        actor=actor,
        entity=entity,
        organisation=city["fvh"],
        role=ApplicationRole.CO_IMPLEMENTER,
        is_illustrative=True,
    )
    application_budget_record(
        actor=actor,
        application=part,
        support=Decimal("16000.00"),
        municipal_financing=Decimal("6497.60"),
        municipal_financing_payer=city["helsinki"],
        lines=[
            {
                "category": "staff",
                "year": 2026,
                "annual_pay": Decimal("45000.00"),
                "hours": Decimal("860"),
            }
        ],
        **period,
    )


SEED_SUBMISSIONS = (
    # (entity slug, organisation slug, the document the figures come from)
    (
        "lasten-nuorten-ja-perheiden-palveluiden-kehittaminen",
        "helsingin-kaupunki",
        "Helsingin kaupunki, strategiajohtaja 14.12.2023 54 §, HEL 2023-014238",
    ),
    (
        "hot",
        "helsingin-kaupunki",
        "Helsingin kaupunki, strategiajohtaja 22.10.2024 63 §, HEL 2024-013129",
    ),
    (
        "hot",
        "forum-virium-helsinki",
        "Helsingin kaupunki, strategiajohtaja 22.10.2024 63 §, HEL 2024-013129",
    ),
)


def seed_submissions(actor) -> None:
    """The seed projects' parts as they were applied for: one submitted version each, frozen
    from the figures the city's decision states (qualifiers kept: "about 250 000 €", "at most
    73 250 € from 1 50 04"). The decisions give no cost lines, so the versions have none; the
    receipt says the figures were recorded from the decision, not submitted here."""
    from hankesalkku.applying.services import application_submission_record
    from hankesalkku.projects.models import Application

    for entity_slug, organisation_slug, source in SEED_SUBMISSIONS:
        part = Application.objects.get(
            entity__slug=entity_slug, organisation__slug=organisation_slug
        )
        application_submission_record(actor=actor, application=part, source=source)


PLAN_TEXT = (
    "Havainnollistava hankesuunnitelma (luonnos): Kaupunkidatan osaajat -hanke kouluttaa "
    "kaupungin ja Forum Virium Helsingin asiantuntijoita avoimen datan käyttöön."
)


def draft_attachment(actor) -> None:
    """The illustrative draft's plan, so the page shows an attachment kept by its content."""
    from hankesalkku.applying.services import attachment_record
    from hankesalkku.projects.models import Application

    lead = Application.objects.get(entity__acronym="KODA", role=ApplicationRole.MAIN_IMPLEMENTER)
    attachment_record(
        actor=actor,
        application=lead,
        purpose="Hankesuunnitelma",
        filename="koda-hankesuunnitelma.txt",
        content=PLAN_TEXT.encode(),
    )
