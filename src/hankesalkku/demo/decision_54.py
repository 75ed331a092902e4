"""Seed 000: Helsinki takes part in the theme's call with Oulu as lead coordinator."""

from datetime import date
from decimal import Decimal

from hankesalkku.core.money import Qualifier
from hankesalkku.decisions.models import Appeal, CommitmentPurpose, DecisionMakerKind
from hankesalkku.decisions.services import (
    commitment_create,
    decision_create,
)
from hankesalkku.projects.models import ApplicationRole, ProjectKind, ProjectStatus
from hankesalkku.projects.services import application_create, partner_add, project_entity_create

from .helsinki import cite_office_holder_decision
from .sources import Citer
from .statuses import advance


def decision_54(actor, cite: Citer, org, theme, call, objective, ely) -> dict:
    """Seed 000: Helsinki takes part with Oulu as lead coordinator."""
    entity = project_entity_create(
        actor=actor,
        slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen",
        name=theme.name,
        kind=ProjectKind.GROUP,
        call=call,
        theme=theme,
        specific_objective=objective,
        funding_authority=ely,
        starts=date(2024, 9, 1),
        ends=date(2027, 8, 31),
        max_total_cost=Decimal("999990.00"),
        target_groups="Haavoittuvassa asemassa olevat lapset ja perheet",
        description=(
            "Lastenkulttuurin yhdenvertainen saavutettavuus: kuntien kulttuuripalvelujen ja "
            "hyvinvointialueiden perhe- ja sosiaalipalvelujen yhteistyörakenne."
        ),
    )
    entity = advance(actor, entity, ProjectStatus.SUBMITTED)
    cite.cite("000", entity, "name", f"hankkeella ”{theme.name}”", section="Päätös")
    cite.cite("000", entity, "starts", "Hanke toteutetaan 1.9.2024-31.8.2027 välisenä aikana.")
    cite.cite("000", entity, "ends", "Hanke toteutetaan 1.9.2024-31.8.2027 välisenä aikana.")
    cite.cite(
        "000", entity, "max_total_cost", "Hankkeen kokonaisbudjetti on maksimissaan 999 990 euroa."
    )
    funding_quote = (
        "Rahoitusta haetaan Hämeen ELY keskukselta, ESR+ rahoitusohjelman erityistavoitteen 4.3 "
        "Yhdenvertainen osallisuus -teemaohjelmasta."
    )
    cite.cite("000", entity, "funding_authority", funding_quote)
    cite.cite("000", entity, "specific_objective", funding_quote)
    cite.cite(
        "000",
        entity,
        "target_groups",
        "haavoittuvassa asemassa olevien lasten ja perheiden yhdenvertaisuutta",
    )
    cite.cite(
        "000",
        entity,
        "status",
        "Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen ESR+ rahoitushakuun",
        section="Päätös",
    )

    oulu = application_create(
        actor=actor,
        entity=entity,
        organisation=org["oulu"],
        unit=org["oulu_sivistys"],
        role=ApplicationRole.LEAD_COORDINATOR,
    )
    cite.cite(
        "000",
        oulu,
        "role",
        "Hankkeen pääkoordinaattorina toimii Oulun kaupungin sivistys- ja kulttuuripalvelut.",
    )
    helsinki = application_create(
        actor=actor,
        entity=entity,
        organisation=org["helsinki"],
        unit=org["annantalo"],
        role=ApplicationRole.IMPLEMENTER,
        starts=date(2024, 9, 1),
        ends=date(2027, 8, 31),
        total_cost=Decimal("495000.00"),
        support=Decimal("371250.00"),
        own_financing=Decimal("123750.00"),
        own_financing_qualifier=Qualifier.AT_MOST,
    )
    cite.cite(
        "000",
        helsinki,
        "unit",
        "Helsingin kaupungin hankeosuudesta vastaa Lasten ja nuorten taidekeskus Annantalo.",
    )
    cite.cite(
        "000",
        helsinki,
        "total_cost",
        "Helsingin hankkeen kokonaisbudjetti on 495 000 euroa",
        section="Päätös",
    )
    cite.cite(
        "000",
        helsinki,
        "own_financing",
        "josta enintään 123 750 euroa varaudutaan kattamaan keskitetyn hanketoiminnan määrärahasta talousarviokohdassa 1 50 04",
        section="Päätös",
    )
    cite.cite(
        "000",
        helsinki,
        "support",
        "Hankkeelle haetaan ulkopuolista tukea 371 250 euroa.",
        section="Päätös",
    )
    for unit_key, description in (
        ("sote", "SOTE:n perhe- ja sosiaalipalvelut"),
        ("kuva", "nuoriso- ja liikuntapalvelut"),
    ):
        partner = partner_add(
            actor=actor, entity=entity, organisation=org[unit_key], description=description
        )
        cite.cite(
            "000", partner, "", "Partnereina ovat Oulun ja Helsingin kaupunkien palvelut ja yksiköt"
        )
    partner = partner_add(
        actor=actor,
        entity=entity,
        organisation=org["oulu"],
        description="Oulun kaupungin palvelut ja yksiköt",
    )
    cite.cite(
        "000", partner, "", "Partnereina ovat Oulun ja Helsingin kaupunkien palvelut ja yksiköt"
    )

    decision = decision_create(
        actor=actor,
        organisation=org["helsinki"],
        decision_maker="Strategiajohtaja",
        decision_maker_kind=DecisionMakerKind.OFFICE_HOLDER,
        date=date(2023, 12, 14),
        section="54",
        diary_number="HEL 2023-014238",
        classification_code="02 05 01 01",
        title=f"Osallistuminen ESR+ rahoitushakuun hankkeella {theme.name}",
        summary=(
            "Helsinki osallistuu ESR+ -hakuun; kulttuurin edistämisen palvelu valtuutetaan "
            "kaupungin edustajaksi. Helsingin osuus 495 000 €, josta enintään 123 750 € "
            "talousarviokohdasta 1 50 04 ja 371 250 € ulkopuolista tukea."
        ),
        presenter="",
        appeal=Appeal.NO_APPEAL,
        appeal_law="Kuntalaki 136 §",
        project_entities=[entity],
        calls=[call],
    )
    cite.cite(
        "000",
        decision,
        "",
        "Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen ESR+ rahoitushakuun hankkeella",
        section="Päätös",
    )
    cite_office_holder_decision(cite, "000", decision, "HEL 2023-014238 T 02 05 01 01", "54 §")
    commitment = commitment_create(
        actor=actor,
        decision=decision,
        payer=org["helsinki"],
        budget_item=org["central_fund"],
        purpose=CommitmentPurpose.OWN_FINANCING,
        amount=Decimal("123750.00"),
        qualifier=Qualifier.AT_MOST,
        entity=entity,
        beneficiary=org["helsinki"],
        starts_year=2024,
        ends_year=2027,
    )
    cite.cite(
        "000",
        commitment,
        "amount",
        "josta enintään 123 750 euroa varaudutaan kattamaan keskitetyn hanketoiminnan määrärahasta talousarviokohdassa 1 50 04",
        section="Päätös",
    )
    return {"entity": entity, "decision": decision}
