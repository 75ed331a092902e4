"""Helsinki's two ESR+ participation decisions (seeds 000 and 001) and the projects they concern."""

from datetime import date
from decimal import Decimal

from hankesalkku.core.money import Qualifier
from hankesalkku.decisions.models import Appeal, CommitmentPurpose, DecisionMakerKind
from hankesalkku.decisions.services import budget_item_get_or_create, commitment_create, decision_create
from hankesalkku.organisations.models import OrganisationType, Region
from hankesalkku.organisations.services import organisation_create
from hankesalkku.projects.models import ApplicationRole, ProjectKind, ProjectStatus
from hankesalkku.projects.services import application_create, partner_add, project_entity_create

from .sources import Citer

APPEAL_QUOTE = "Muutoksenhakukielto, valmistelu tai täytäntöönpano"
APPEAL_LAW_QUOTE = "Sovellettava lainkohta: Kuntalaki 136 §"


def helsinki_organisations(actor, cite: Citer) -> dict:
    helsinki_region = Region.objects.get(slug="helsinki")
    org = {}
    org["helsinki"] = organisation_create(
        actor=actor, name="Helsingin kaupunki", name_sv="Helsingfors stad", name_en="City of Helsinki",
        slug="helsingin-kaupunki", organisation_type=OrganisationType.MUNICIPALITY,
        business_id="0201256-6", home_municipality="Helsinki", region=helsinki_region,
    )
    cite.cite("004", org["helsinki"], "business_id", "0201256-6")

    def unit(key, name, parent, slug, **extra):
        org[key] = organisation_create(
            actor=actor, name=name, slug=slug, parent=org[parent],
            organisation_type=OrganisationType.MUNICIPALITY, home_municipality="Helsinki",
            region=helsinki_region, **extra,
        )
        return org[key]

    unit("kanslia", "Kaupunginkanslia", "helsinki", "kaupunginkanslia", name_sv="Stadskansliet")
    unit("kuva", "Kulttuurin ja vapaa-ajan toimiala", "helsinki", "kulttuurin-ja-vapaa-ajan-toimiala",
         name_sv="Kultur- och fritidssektorn")
    unit("kulttuurin_edistaminen", "Kulttuurin edistämisen palvelut", "kuva",
         "kulttuurin-edistamisen-palvelut")
    unit("annantalo", "Lasten ja nuorten taidekeskus Annantalo", "kulttuurin_edistaminen", "annantalo")
    unit("sote", "Sosiaali-, terveys- ja pelastustoimiala", "helsinki",
         "sosiaali-terveys-ja-pelastustoimiala", name_sv="Social-, hälsovårds- och räddningssektorn")
    unit("aikuisten_sosiaalityo", "Aikuisten sosiaalityö", "sote", "aikuisten-sosiaalityo")
    unit("tyollistyminen", "Nuorten palvelut ja aikuissosiaalityön työllistymistä edistävät palvelut",
         "sote", "tyollistymista-edistavat-palvelut")
    cite.cite("000", org["annantalo"], "name",
              "Helsingin kaupungin hankeosuudesta vastaa Lasten ja nuorten taidekeskus Annantalo.")
    cite.cite("001", org["aikuisten_sosiaalityo"], "name",
              "Hanketta koordinoi Helsingin sosiaali-, terveys- ja pelastustoimialan aikuisten sosiaalityön yksikkö")

    org["oulu"] = organisation_create(
        actor=actor, name="Oulun kaupunki", name_sv="Uleåborgs stad", name_en="City of Oulu",
        slug="oulun-kaupunki", organisation_type=OrganisationType.MUNICIPALITY,
        home_municipality="Oulu", region=Region.objects.get(slug="pohjois-pohjanmaa"),
    )
    org["oulu_sivistys"] = organisation_create(
        actor=actor, name="Sivistys- ja kulttuuripalvelut", slug="oulun-sivistys-ja-kulttuuripalvelut",
        parent=org["oulu"], organisation_type=OrganisationType.MUNICIPALITY, home_municipality="Oulu",
        region=org["oulu"].region,
    )
    cite.cite("000", org["oulu_sivistys"], "name",
              "Hankkeen pääkoordinaattorina toimii Oulun kaupungin sivistys- ja kulttuuripalvelut.")
    org["fvh"] = organisation_create(
        actor=actor, name="Forum Virium Helsinki Oy", slug="forum-virium-helsinki",
        organisation_type=OrganisationType.COMPANY, home_municipality="Helsinki",
        region=helsinki_region,
    )
    cite.cite("001", org["fvh"], "name", "Forum Virium Helsinki Oy")
    org["central_fund"] = budget_item_get_or_create(
        actor=actor, organisation=org["helsinki"], code="1 50 04",
        name="Keskitetyn hanketoiminnan määräraha",
    )
    cite.cite("000", org["central_fund"], "code",
              "keskitetyn hanketoiminnan määrärahasta talousarviokohdassa 1 50 04")
    return org


def decision_54(actor, cite: Citer, org, theme, call, objective, ely) -> dict:
    """Seed 000: Helsinki takes part with Oulu as lead coordinator."""
    entity = project_entity_create(
        actor=actor, slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen",
        name=theme.name, kind=ProjectKind.GROUP, status=ProjectStatus.SUBMITTED,
        call=call, theme=theme, specific_objective=objective, funding_authority=ely,
        starts=date(2024, 9, 1), ends=date(2027, 8, 31),
        max_total_cost=Decimal("999990.00"),
        target_groups="Haavoittuvassa asemassa olevat lapset ja perheet",
        description=(
            "Lastenkulttuurin yhdenvertainen saavutettavuus: kuntien kulttuuripalvelujen ja "
            "hyvinvointialueiden perhe- ja sosiaalipalvelujen yhteistyörakenne."
        ),
    )
    cite.cite("000", entity, "name", f"hankkeella ”{theme.name}”", section="Päätös")
    cite.cite("000", entity, "starts", "Hanke toteutetaan 1.9.2024-31.8.2027 välisenä aikana.")
    cite.cite("000", entity, "ends", "Hanke toteutetaan 1.9.2024-31.8.2027 välisenä aikana.")
    cite.cite("000", entity, "max_total_cost", "Hankkeen kokonaisbudjetti on maksimissaan 999 990 euroa.")
    funding_quote = (
        "Rahoitusta haetaan Hämeen ELY keskukselta, ESR+ rahoitusohjelman erityistavoitteen 4.3 "
        "Yhdenvertainen osallisuus -teemaohjelmasta."
    )
    cite.cite("000", entity, "funding_authority", funding_quote)
    cite.cite("000", entity, "specific_objective", funding_quote)
    cite.cite("000", entity, "target_groups", "haavoittuvassa asemassa olevien lasten ja perheiden yhdenvertaisuutta")
    cite.cite("000", entity, "status", "Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen ESR+ rahoitushakuun", section="Päätös")

    oulu = application_create(
        actor=actor, entity=entity, organisation=org["oulu"], unit=org["oulu_sivistys"],
        role=ApplicationRole.LEAD_COORDINATOR,
    )
    cite.cite("000", oulu, "role", "Hankkeen pääkoordinaattorina toimii Oulun kaupungin sivistys- ja kulttuuripalvelut.")
    helsinki = application_create(
        actor=actor, entity=entity, organisation=org["helsinki"], unit=org["annantalo"],
        role=ApplicationRole.IMPLEMENTER, starts=date(2024, 9, 1), ends=date(2027, 8, 31),
        total_cost=Decimal("495000.00"), support=Decimal("371250.00"),
        own_financing=Decimal("123750.00"), own_financing_qualifier=Qualifier.AT_MOST,
    )
    cite.cite("000", helsinki, "unit", "Helsingin kaupungin hankeosuudesta vastaa Lasten ja nuorten taidekeskus Annantalo.")
    cite.cite("000", helsinki, "total_cost", "Helsingin hankkeen kokonaisbudjetti on 495 000 euroa", section="Päätös")
    cite.cite("000", helsinki, "own_financing", "josta enintään 123 750 euroa varaudutaan kattamaan keskitetyn hanketoiminnan määrärahasta talousarviokohdassa 1 50 04", section="Päätös")
    cite.cite("000", helsinki, "support", "Hankkeelle haetaan ulkopuolista tukea 371 250 euroa.", section="Päätös")
    for unit_key, description in (
        ("sote", "SOTE:n perhe- ja sosiaalipalvelut"),
        ("kuva", "nuoriso- ja liikuntapalvelut"),
    ):
        partner = partner_add(actor=actor, entity=entity, organisation=org[unit_key], description=description)
        cite.cite("000", partner, "", "Partnereina ovat Oulun ja Helsingin kaupunkien palvelut ja yksiköt")
    partner = partner_add(actor=actor, entity=entity, organisation=org["oulu"],
                          description="Oulun kaupungin palvelut ja yksiköt")
    cite.cite("000", partner, "", "Partnereina ovat Oulun ja Helsingin kaupunkien palvelut ja yksiköt")

    decision = decision_create(
        actor=actor, organisation=org["helsinki"], decision_maker="Strategiajohtaja",
        decision_maker_kind=DecisionMakerKind.OFFICE_HOLDER, date=date(2023, 12, 14), section="54",
        diary_number="HEL 2023-014238", classification_code="02 05 01 01",
        title=f"Osallistuminen ESR+ rahoitushakuun hankkeella {theme.name}",
        summary=(
            "Helsinki osallistuu ESR+ -hakuun; kulttuurin edistämisen palvelu valtuutetaan "
            "kaupungin edustajaksi. Helsingin osuus 495 000 €, josta enintään 123 750 € "
            "talousarviokohdasta 1 50 04 ja 371 250 € ulkopuolista tukea."
        ),
        presenter="", appeal=Appeal.NO_APPEAL, appeal_law="Kuntalaki 136 §",
        project_entities=[entity], calls=[call],
    )
    cite.cite("000", decision, "", "Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen ESR+ rahoitushakuun hankkeella", section="Päätös")
    cite.cite("000", decision, "diary_number", "HEL 2023-014238 T 02 05 01 01")
    cite.cite("000", decision, "classification_code", "HEL 2023-014238 T 02 05 01 01")
    cite.cite("000", decision, "section", "54 §")
    cite.cite("000", decision, "appeal", APPEAL_QUOTE, section="Muutoksenhaku")
    cite.cite("000", decision, "appeal_law", APPEAL_LAW_QUOTE, section="Muutoksenhakuohjeet")
    commitment = commitment_create(
        actor=actor, decision=decision, payer=org["helsinki"], budget_item=org["central_fund"],
        purpose=CommitmentPurpose.OWN_FINANCING, amount=Decimal("123750.00"),
        qualifier=Qualifier.AT_MOST, entity=entity, beneficiary=org["helsinki"],
        starts_year=2024, ends_year=2027,
    )
    cite.cite("000", commitment, "amount", "josta enintään 123 750 euroa varaudutaan kattamaan keskitetyn hanketoiminnan määrärahasta talousarviokohdassa 1 50 04", section="Päätös")
    return {"entity": entity, "decision": decision}


def decision_63(actor, cite: Citer, org, objective) -> dict:
    """Seed 001: the HOT group project with Forum Virium Helsinki as co-implementer."""
    entity = project_entity_create(
        actor=actor, slug="hot",
        name="Hyvinvoinnista ja osallisuudesta toimintakykyä – uusi ryhmätoimintojen malli "
        "sosiaaliseen kuntoutukseen",
        acronym="HOT", kind=ProjectKind.GROUP, status=ProjectStatus.SUBMITTED,
        specific_objective=objective, starts=date(2025, 1, 1), ends=date(2027, 12, 31),
        period_years_only=True,
        total_cost=Decimal("550000.00"), total_cost_qualifier=Qualifier.ABOUT,
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
    cite.cite("001", entity, "name", "Hyvinvoinnista ja osallisuudesta toimintakykyä (HOT) – uusi ryhmätoimintojen malli sosiaaliseen kuntoutukseen")
    whole = "Hankkeen suunniteltu kokonaiskustannusarvio on noin 550 000 euroa, jolle haetaan tukea 412 500 euroa."
    cite.cite("001", entity, "total_cost", whole, section="Päätöksen perustelut")
    cite.cite("001", entity, "support", whole, section="Päätöksen perustelut")
    cite.cite("001", entity, "starts", "vuosien 2025–2027 aikana")
    cite.cite("001", entity, "ends", "vuosien 2025–2027 aikana")
    cite.cite("001", entity, "specific_objective", "erityistavoite 4.3. Yhdenvertainen osallisuus")
    cite.cite("001", entity, "target_groups", "Hankkeen kohderyhmänä on 30–64-vuotiaat työttömät ja osatyökykyiset henkilöt")
    cite.cite("001", entity, "status", "Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen Euroopan unionin", section="Päätös")

    helsinki = application_create(
        actor=actor, entity=entity, organisation=org["helsinki"], unit=org["aikuisten_sosiaalityo"],
        role=ApplicationRole.MAIN_IMPLEMENTER,
        total_cost=Decimal("250000.00"), total_cost_qualifier=Qualifier.ABOUT,
        support=Decimal("187500.00"), support_qualifier=Qualifier.AT_MOST,
        own_financing=Decimal("62500.00"), own_financing_qualifier=Qualifier.AT_MOST,
    )
    cite.cite("001", helsinki, "role", "Hanketta koordinoi Helsingin sosiaali-, terveys- ja pelastustoimialan aikuisten sosiaalityön yksikkö")
    cite.cite("001", helsinki, "total_cost", "Helsingin osahankkeen kokonaisbudjetti on arviolta 250 000 euroa, josta tuen osuus on 187 500 euroa.", section="Päätöksen perustelut")
    cite.cite("001", helsinki, "support", "Hankkeelle saadaan tukea enintään 187 500 euroa.", section="Päätös")
    cite.cite("001", helsinki, "own_financing", "Hankkeen Helsingin osuuden omarahoitusosuuteen, enintään 62 500 euroa varaudutaan sosiaali-, terveys- ja pelastustoimialan omassa budjetissa", section="Päätöksen perustelut")
    fvh_quote = "keskitetyn hanketoiminnan määrärahassa talousarviokohdassa 1 50 04 varaudutaan maksamaan Forum Virium Helsingille kuntarahoitusosuutena enintään 73 250 euroa"
    fvh = application_create(
        actor=actor, entity=entity, organisation=org["fvh"], role=ApplicationRole.CO_IMPLEMENTER,
        municipal_financing=Decimal("73250.00"), municipal_financing_qualifier=Qualifier.AT_MOST,
        municipal_financing_payer=org["helsinki"], municipal_financing_budget_item=org["central_fund"],
    )
    cite.cite("001", fvh, "role", "Forum Virium Helsinki osallistuu hankkeeseen osatoteuttajana.")
    cite.cite("001", fvh, "municipal_financing", fvh_quote, section="Päätös")

    decision = decision_create(
        actor=actor, organisation=org["helsinki"], decision_maker="Strategiajohtaja",
        decision_maker_kind=DecisionMakerKind.OFFICE_HOLDER, date=date(2024, 10, 22), section="63",
        diary_number="HEL 2024-013129", classification_code="02 05 02",
        title="Osallistuminen EU:n rahoitushakuun hankkeessa ”Hyvinvoinnista ja osallisuudesta "
        "toimintakykyä (HOT) – uusi ryhmätoimintojen malli sosiaaliseen kuntoutukseen”",
        summary=(
            "Helsinki osallistuu ESR+ -hakuun HOT-hankkeella; aikuisten sosiaalityön yksikkö "
            "edustaa kaupunkia. Hankekustannuksiin enintään 250 000 €, tukea enintään 187 500 €; "
            "Forum Virium Helsingin kuntarahoitusosuus enintään 73 250 € kohdasta 1 50 04."
        ),
        appeal=Appeal.NO_APPEAL, appeal_law="Kuntalaki 136 §", project_entities=[entity],
    )
    cite.cite("001", decision, "", "Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen Euroopan unionin Suomen alue- ja rakennepolitiikan ohjelman sosiaali-rahaston (ESR+) rahoitushakuun", section="Päätös")
    cite.cite("001", decision, "diary_number", "HEL 2024-013129 T 02 05 02")
    cite.cite("001", decision, "classification_code", "HEL 2024-013129 T 02 05 02")
    cite.cite("001", decision, "section", "63 §")
    cite.cite("001", decision, "appeal", APPEAL_QUOTE, section="Muutoksenhaku")
    cite.cite("001", decision, "appeal_law", APPEAL_LAW_QUOTE, section="Muutoksenhakuohjeet")

    division_budget = budget_item_get_or_create(
        actor=actor, organisation=org["sote"], name="Toimialan oma talousarvio"
    )
    youth_budget = budget_item_get_or_create(
        actor=actor, organisation=org["tyollistyminen"], name="Yksikön talousarvio"
    )
    adult_budget = budget_item_get_or_create(
        actor=actor, organisation=org["aikuisten_sosiaalityo"], name="Yksikön talousarvio"
    )
    rows = [
        (org["sote"], division_budget, CommitmentPurpose.PROJECT_COSTS, "250000.00", Qualifier.AT_MOST, org["helsinki"],
         "sosiaali-, terveys- ja pelastustoimialan hankekustannuksiin enintään 250 000 euroa varaudutaan toimialan omassa budjetissa", "Päätös"),
        (org["tyollistyminen"], youth_budget, CommitmentPurpose.OWN_FINANCING, "50000.00", Qualifier.EXACT, org["helsinki"],
         "50 000 euroa kateetaan nuorten palvelujen ja aikuissosiaalityön työllistymistä edistävien palvelujen budjetista", "Päätöksen perustelut"),
        (org["aikuisten_sosiaalityo"], adult_budget, CommitmentPurpose.OWN_FINANCING, "12500.00", Qualifier.EXACT, org["helsinki"],
         "12 500 euroa aikuisten sosiaalityön budjetista", "Päätöksen perustelut"),
        (org["helsinki"], org["central_fund"], CommitmentPurpose.MUNICIPAL_FINANCING, "73250.00", Qualifier.AT_MOST, org["fvh"],
         fvh_quote, "Päätös"),
    ]
    for payer, item, purpose, amount, qualifier, beneficiary, quote, section in rows:
        commitment = commitment_create(
            actor=actor, decision=decision, payer=payer, budget_item=item, purpose=purpose,
            amount=Decimal(amount), qualifier=qualifier, entity=entity, beneficiary=beneficiary,
            starts_year=2025, ends_year=2027,
        )
        cite.cite("001", commitment, "amount", quote, section=section)
    return {"entity": entity, "decision": decision}
