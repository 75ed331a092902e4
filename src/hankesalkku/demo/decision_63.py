"""Seed 001: the HOT group project with Forum Virium Helsinki as co-implementer."""

from datetime import date
from decimal import Decimal

from hankesalkku.core.money import Qualifier
from hankesalkku.decisions.models import Appeal, CommitmentPurpose, DecisionMakerKind
from hankesalkku.decisions.services import commitment_create, decision_create
from hankesalkku.organisations.services import budget_item_get_or_create
from hankesalkku.projects.models import ApplicationRole, ProjectKind, ProjectStatus
from hankesalkku.projects.services import application_create, project_entity_create

from .helsinki import cite_office_holder_decision
from .sources import Citer
from .statuses import advance


def decision_63(actor, cite: Citer, org, objective) -> dict:
    """Seed 001: the HOT group project with Forum Virium Helsinki as co-implementer."""
    entity = project_entity_create(
        actor=actor,
        slug="hot",
        name="Hyvinvoinnista ja osallisuudesta toimintakykyä – uusi ryhmätoimintojen malli "
        "sosiaaliseen kuntoutukseen",
        acronym="HOT",
        kind=ProjectKind.GROUP,
        specific_objective=objective,
        starts=date(2025, 1, 1),
        ends=date(2027, 12, 31),
        period_years_only=True,
        total_cost=Decimal("550000.00"),
        total_cost_qualifier=Qualifier.ABOUT,
        support=Decimal("412500.00"),
        target_groups=(
            "30–64-vuotiaat työttömät ja osatyökykyiset henkilöt, jotka ovat Helsingin kaupungin "
            "sosiaalityön tai sosiaalisen kuntoutuksen asiakkaita"
        ),
        description=(
            "Uusi sosiaalisen kuntoutuksen ryhmätoimintamalli yhdessä kolmannen sektorin kanssa "
            "live- ja etäpalveluna; kolme kolmannen sektorin yhteistyökumppania valitaan "
            "ketteriin kokeiluihin."
        ),
    )
    entity = advance(actor, entity, ProjectStatus.SUBMITTED)
    cite.cite(
        "001",
        entity,
        "name",
        "Hyvinvoinnista ja osallisuudesta toimintakykyä (HOT) – uusi ryhmätoimintojen malli sosiaaliseen kuntoutukseen",
    )
    whole = "Hankkeen suunniteltu kokonaiskustannusarvio on noin 550 000 euroa, jolle haetaan tukea 412 500 euroa."
    cite.cite("001", entity, "total_cost", whole, section="Päätöksen perustelut")
    cite.cite("001", entity, "support", whole, section="Päätöksen perustelut")
    cite.cite("001", entity, "starts", "vuosien 2025–2027 aikana")
    cite.cite("001", entity, "ends", "vuosien 2025–2027 aikana")
    cite.cite("001", entity, "specific_objective", "erityistavoite 4.3. Yhdenvertainen osallisuus")
    cite.cite(
        "001",
        entity,
        "target_groups",
        "Hankkeen kohderyhmänä on 30–64-vuotiaat työttömät ja osatyökykyiset henkilöt",
    )
    cite.cite(
        "001",
        entity,
        "status",
        "Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen Euroopan unionin",
        section="Päätös",
    )

    helsinki = application_create(
        actor=actor,
        entity=entity,
        organisation=org["helsinki"],
        unit=org["aikuisten_sosiaalityo"],
        role=ApplicationRole.MAIN_IMPLEMENTER,
        total_cost=Decimal("250000.00"),
        total_cost_qualifier=Qualifier.ABOUT,
        support=Decimal("187500.00"),
        support_qualifier=Qualifier.AT_MOST,
        own_financing=Decimal("62500.00"),
        own_financing_qualifier=Qualifier.AT_MOST,
    )
    cite.cite(
        "001",
        helsinki,
        "role",
        "Hanketta koordinoi Helsingin sosiaali-, terveys- ja pelastustoimialan aikuisten sosiaalityön yksikkö",
    )
    cite.cite(
        "001",
        helsinki,
        "total_cost",
        "Helsingin osahankkeen kokonaisbudjetti on arviolta 250 000 euroa, josta tuen osuus on 187 500 euroa.",
        section="Päätöksen perustelut",
    )
    cite.cite(
        "001",
        helsinki,
        "support",
        "Hankkeelle saadaan tukea enintään 187 500 euroa.",
        section="Päätös",
    )
    cite.cite(
        "001",
        helsinki,
        "own_financing",
        "Hankkeen Helsingin osuuden omarahoitusosuuteen, enintään 62 500 euroa varaudutaan sosiaali-, terveys- ja pelastustoimialan omassa budjetissa",
        section="Päätöksen perustelut",
    )
    fvh_quote = "keskitetyn hanketoiminnan määrärahassa talousarviokohdassa 1 50 04 varaudutaan maksamaan Forum Virium Helsingille kuntarahoitusosuutena enintään 73 250 euroa"
    fvh = application_create(
        actor=actor,
        entity=entity,
        organisation=org["fvh"],
        role=ApplicationRole.CO_IMPLEMENTER,
        municipal_financing=Decimal("73250.00"),
        municipal_financing_qualifier=Qualifier.AT_MOST,
        municipal_financing_payer=org["helsinki"],
        municipal_financing_budget_item=org["central_fund"],
    )
    cite.cite("001", fvh, "role", "Forum Virium Helsinki osallistuu hankkeeseen osatoteuttajana.")
    cite.cite("001", fvh, "municipal_financing", fvh_quote, section="Päätös")

    decision = decision_create(
        actor=actor,
        organisation=org["helsinki"],
        decision_maker="Strategiajohtaja",
        decision_maker_kind=DecisionMakerKind.OFFICE_HOLDER,
        date=date(2024, 10, 22),
        section="63",
        diary_number="HEL 2024-013129",
        classification_code="02 05 02",
        title="Osallistuminen EU:n rahoitushakuun hankkeessa ”Hyvinvoinnista ja osallisuudesta "
        "toimintakykyä (HOT) – uusi ryhmätoimintojen malli sosiaaliseen kuntoutukseen”",
        summary=(
            "Helsinki osallistuu ESR+ -hakuun HOT-hankkeella; aikuisten sosiaalityön yksikkö "
            "edustaa kaupunkia. Hankekustannuksiin enintään 250 000 €, tukea enintään 187 500 €; "
            "Forum Virium Helsingin kuntarahoitusosuus enintään 73 250 € kohdasta 1 50 04."
        ),
        appeal=Appeal.NO_APPEAL,
        appeal_law="Kuntalaki 136 §",
        project_entities=[entity],
    )
    cite.cite(
        "001",
        decision,
        "",
        "Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen Euroopan unionin Suomen alue- ja rakennepolitiikan ohjelman sosiaali-rahaston (ESR+) rahoitushakuun",
        section="Päätös",
    )
    cite_office_holder_decision(cite, "001", decision, "HEL 2024-013129 T 02 05 02", "63 §")

    division_budget = budget_item_get_or_create(
        actor=actor,
        organisation=org["sote"],
        name="Toimialan oma talousarvio",
        name_sv="Sektorns egen budget",
        name_en="The division's own budget",
    )
    youth_budget = budget_item_get_or_create(
        actor=actor,
        organisation=org["tyollistyminen"],
        name="Yksikön talousarvio",
        name_sv="Enhetens budget",
        name_en="The unit's budget",
    )
    adult_budget = budget_item_get_or_create(
        actor=actor,
        organisation=org["aikuisten_sosiaalityo"],
        name="Yksikön talousarvio",
        name_sv="Enhetens budget",
        name_en="The unit's budget",
    )
    rows = [
        (
            org["sote"],
            division_budget,
            CommitmentPurpose.PROJECT_COSTS,
            "250000.00",
            Qualifier.AT_MOST,
            org["helsinki"],
            "sosiaali-, terveys- ja pelastustoimialan hankekustannuksiin enintään 250 000 euroa varaudutaan toimialan omassa budjetissa",
            "Päätös",
        ),
        (
            org["tyollistyminen"],
            youth_budget,
            CommitmentPurpose.OWN_FINANCING,
            "50000.00",
            Qualifier.EXACT,
            org["helsinki"],
            "50 000 euroa kateetaan nuorten palvelujen ja aikuissosiaalityön työllistymistä edistävien palvelujen budjetista",
            "Päätöksen perustelut",
        ),
        (
            org["aikuisten_sosiaalityo"],
            adult_budget,
            CommitmentPurpose.OWN_FINANCING,
            "12500.00",
            Qualifier.EXACT,
            org["helsinki"],
            "12 500 euroa aikuisten sosiaalityön budjetista",
            "Päätöksen perustelut",
        ),
        (
            org["helsinki"],
            org["central_fund"],
            CommitmentPurpose.MUNICIPAL_FINANCING,
            "73250.00",
            Qualifier.AT_MOST,
            org["fvh"],
            fvh_quote,
            "Päätös",
        ),
    ]
    for payer, item, purpose, amount, qualifier, beneficiary, quote, section in rows:
        commitment = commitment_create(
            actor=actor,
            decision=decision,
            payer=payer,
            budget_item=item,
            purpose=purpose,
            amount=Decimal(amount),
            qualifier=qualifier,
            entity=entity,
            beneficiary=beneficiary,
            starts_year=2025,
            ends_year=2027,
        )
        cite.cite("001", commitment, "amount", quote, section=section)
    return {"entity": entity, "decision": decision}
