"""Helsinki and its units, Oulu and Forum Virium Helsinki as the decisions name them."""

from hankesalkku.organisations.models import OrganisationType, Region
from hankesalkku.organisations.services import budget_item_get_or_create, organisation_create

from .sources import Citer

APPEAL_QUOTE = "Muutoksenhakukielto, valmistelu tai täytäntöönpano"
APPEAL_LAW_QUOTE = "Sovellettava lainkohta: Kuntalaki 136 §"


def helsinki_organisations(actor, cite: Citer) -> dict:
    helsinki_region = Region.objects.get(slug="helsinki")
    org = {}
    org["helsinki"] = organisation_create(
        actor=actor,
        name="Helsingin kaupunki",
        name_sv="Helsingfors stad",
        name_en="City of Helsinki",
        slug="helsingin-kaupunki",
        organisation_type=OrganisationType.MUNICIPALITY,
        business_id="0201256-6",
        home_municipality="Helsinki",
        region=helsinki_region,
    )
    cite.cite("004", org["helsinki"], "business_id", "0201256-6")

    def unit(key, name, parent, slug, **extra):
        org[key] = organisation_create(
            actor=actor,
            name=name,
            slug=slug,
            parent=org[parent],
            organisation_type=OrganisationType.MUNICIPALITY,
            home_municipality="Helsinki",
            region=helsinki_region,
            **extra,
        )
        return org[key]

    unit("kanslia", "Kaupunginkanslia", "helsinki", "kaupunginkanslia", name_sv="Stadskansliet")
    unit(
        "kuva",
        "Kulttuurin ja vapaa-ajan toimiala",
        "helsinki",
        "kulttuurin-ja-vapaa-ajan-toimiala",
        name_sv="Kultur- och fritidssektorn",
    )
    unit(
        "kulttuurin_edistaminen",
        "Kulttuurin edistämisen palvelut",
        "kuva",
        "kulttuurin-edistamisen-palvelut",
    )
    unit(
        "annantalo",
        "Lasten ja nuorten taidekeskus Annantalo",
        "kulttuurin_edistaminen",
        "annantalo",
    )
    unit(
        "sote",
        "Sosiaali-, terveys- ja pelastustoimiala",
        "helsinki",
        "sosiaali-terveys-ja-pelastustoimiala",
        name_sv="Social-, hälsovårds- och räddningssektorn",
    )
    unit("aikuisten_sosiaalityo", "Aikuisten sosiaalityö", "sote", "aikuisten-sosiaalityo")
    unit(
        "tyollistyminen",
        "Nuorten palvelut ja aikuissosiaalityön työllistymistä edistävät palvelut",
        "sote",
        "tyollistymista-edistavat-palvelut",
    )
    cite.cite(
        "000",
        org["annantalo"],
        "name",
        "Helsingin kaupungin hankeosuudesta vastaa Lasten ja nuorten taidekeskus Annantalo.",
    )
    cite.cite(
        "001",
        org["aikuisten_sosiaalityo"],
        "name",
        "Hanketta koordinoi Helsingin sosiaali-, terveys- ja pelastustoimialan aikuisten sosiaalityön yksikkö",
    )

    org["oulu"] = organisation_create(
        actor=actor,
        name="Oulun kaupunki",
        name_sv="Uleåborgs stad",
        name_en="City of Oulu",
        slug="oulun-kaupunki",
        organisation_type=OrganisationType.MUNICIPALITY,
        home_municipality="Oulu",
        region=Region.objects.get(slug="pohjois-pohjanmaa"),
    )
    org["oulu_sivistys"] = organisation_create(
        actor=actor,
        name="Sivistys- ja kulttuuripalvelut",
        slug="oulun-sivistys-ja-kulttuuripalvelut",
        parent=org["oulu"],
        organisation_type=OrganisationType.MUNICIPALITY,
        home_municipality="Oulu",
        region=org["oulu"].region,
    )
    cite.cite(
        "000",
        org["oulu_sivistys"],
        "name",
        "Hankkeen pääkoordinaattorina toimii Oulun kaupungin sivistys- ja kulttuuripalvelut.",
    )
    org["fvh"] = organisation_create(
        actor=actor,
        name="Forum Virium Helsinki Oy",
        slug="forum-virium-helsinki",
        organisation_type=OrganisationType.COMPANY,
        home_municipality="Helsinki",
        region=helsinki_region,
    )
    cite.cite("001", org["fvh"], "name", "Forum Virium Helsinki Oy")
    org["central_fund"] = budget_item_get_or_create(
        actor=actor,
        organisation=org["helsinki"],
        code="1 50 04",
        name="Keskitetyn hanketoiminnan määräraha",
        name_sv="Anslaget för centraliserad projektverksamhet",
        name_en="Appropriation for centralised project activities",
    )
    cite.cite(
        "000",
        org["central_fund"],
        "code",
        "keskitetyn hanketoiminnan määrärahasta talousarviokohdassa 1 50 04",
    )
    return org


def cite_office_holder_decision(cite: Citer, key: str, decision, identifiers: str, section: str):
    """The identifiers and appeal lines that every Helsinki office-holder decision prints."""
    cite.cite(key, decision, "diary_number", identifiers)
    cite.cite(key, decision, "classification_code", identifiers)
    cite.cite(key, decision, "section", section)
    cite.cite(key, decision, "appeal", APPEAL_QUOTE, section="Muutoksenhaku")
    cite.cite(key, decision, "appeal_law", APPEAL_LAW_QUOTE, section="Muutoksenhakuohjeet")
