"""Records that complete the coordination's counts (seed 002), marked illustrative everywhere.

Seed 002 gives only counts: 12 project entities (6 single, 6 group), 30 implementers,
7 OKM / 3 STM / 2 joint, projects per sector, social and health services in all but two, and
implementers or partners in every county except Kanta-Häme and Åland. These fictional records
reproduce each count exactly so the overview can be checked against the document; none of their
names, places or euros is a fact.
"""

from datetime import date
from decimal import Decimal

from hankesalkku.organisations.models import OrganisationType, Region
from hankesalkku.organisations.services import organisation_create
from hankesalkku.programmes.models import Sector
from hankesalkku.projects.models import ApplicationRole, ProjectKind, ProjectStatus
from hankesalkku.projects.services import application_create, partner_add, project_entity_create

from .statuses import advance

T = OrganisationType

# number, name, acronym, ministries, sector slugs, implementers (name, type, region slug)
ENTITIES = [
    (
        1,
        "Kulttuuria kaikille lapsille",
        "KUKA",
        ["OKM"],
        ["varhaiskasvatus-ja-esiopetus", "perusopetus", "harrastustoimijat", "liikuntapalvelut"],
        [("Lastenkulttuurikeskus Satu ry", T.ASSOCIATION, "helsinki")],
    ),
    (
        2,
        "Varhaisen tuen verkosto",
        "VATU",
        ["OKM"],
        ["varhaiskasvatus-ja-esiopetus", "perusopetus", "neuvola-ja-perheneuvola", "lastensuojelu"],
        [
            ("Järvelän kaupunki", T.MUNICIPALITY, "keski-suomi"),
            ("Esimerkkihyvinvointialue Keski-Suomi", T.WELLBEING_COUNTY, "keski-suomi"),
            ("Kankaan ammattikorkeakoulu", T.UNIVERSITY, "keski-suomi"),
            ("Perheverkko ry", T.ASSOCIATION, "vantaa-kerava"),
            ("Harjun seurakuntayhtymä", T.PARISH, "keski-suomi"),
        ],
    ),
    (
        3,
        "Nuorten polut toiselle asteelle",
        "NUPO",
        ["OKM"],
        [
            "tutkintoon-valmentava-koulutus",
            "toinen-aste",
            "paihde-ja-mielenterveyspalvelut",
            "vapaaehtoistoimijat",
        ],
        [("Rannikon ammattiopiston säätiö", T.FOUNDATION, "varsinais-suomi")],
    ),
    (
        4,
        "Koulun ja neuvolan yhteistyö",
        "KONE",
        ["OKM"],
        [
            "perusopetus",
            "opiskeluhuolto-koulutus",
            "opiskeluhuolto-sote",
            "neuvola-ja-perheneuvola",
        ],
        [
            ("Koskelan kaupunki", T.MUNICIPALITY, "pirkanmaa"),
            ("Esimerkkihyvinvointialue Pirkanmaa", T.WELLBEING_COUNTY, "pirkanmaa"),
            ("Esimerkkihyvinvointialue Satakunta", T.WELLBEING_COUNTY, "satakunta"),
            ("Länsirannikon kunta", T.MUNICIPALITY, "varsinais-suomi"),
        ],
    ),
    (
        5,
        "Harrastuksista osallisuutta",
        "HAROS",
        ["OKM"],
        ["toinen-aste", "harrastustoimijat", "vapaaehtoistoimijat", "seurakunnat"],
        [("Harrastusten Suomi ry", T.ASSOCIATION, "lansi-uusimaa")],
    ),
    (
        6,
        "Perheiden arjen tuki",
        "PAT",
        ["OKM"],
        [
            "varhaiskasvatus-ja-esiopetus",
            "neuvola-ja-perheneuvola",
            "lastensuojelu",
            "vammaispalvelut",
        ],
        [
            ("Pohjoisniemen kaupunki", T.MUNICIPALITY, "pohjois-pohjanmaa"),
            ("Esimerkkihyvinvointialue Pohjois-Pohjanmaa", T.WELLBEING_COUNTY, "pohjois-pohjanmaa"),
            ("Esimerkkihyvinvointialue Kainuu", T.WELLBEING_COUNTY, "kainuu"),
            ("Tunturilan kunta", T.MUNICIPALITY, "lappi"),
        ],
    ),
    (
        7,
        "Liikkuva ja osallistuva koulu",
        "LIIKO",
        ["OKM"],
        [
            "perusopetus",
            "toinen-aste",
            "opiskeluhuolto-sote",
            "muu-sosiaalityo",
            "liikuntapalvelut",
        ],
        [("Liikkuvan koulun säätiö", T.FOUNDATION, "helsinki")],
    ),
    (
        8,
        "Vanhemmuuden voimavarat",
        "VAVO",
        ["STM"],
        ["varhaiskasvatus-ja-esiopetus", "neuvola-ja-perheneuvola", "lastensuojelu"],
        [
            ("Esimerkkihyvinvointialue Itä-Uusimaa", T.WELLBEING_COUNTY, "ita-uusimaa"),
            ("Järvisavon kaupunki", T.MUNICIPALITY, "etela-savo"),
            ("Karjalan perhetyön yhdistys ry", T.ASSOCIATION, "pohjois-karjala"),
            ("Savonmäen kunta", T.MUNICIPALITY, "pohjois-savo"),
        ],
    ),
    (
        9,
        "Opiskeluhuolto yhdessä",
        "OPY",
        ["STM"],
        [
            "opiskeluhuolto-koulutus",
            "opiskeluhuolto-sote",
            "muu-sosiaalityo",
            "vapaaehtoistoimijat",
        ],
        [("Oppimisen Tuki Oy", T.COMPANY, "helsinki")],
    ),
    (
        10,
        "Yhdenvertaiset polut",
        "YPO",
        ["STM"],
        [
            "tutkintoon-valmentava-koulutus",
            "toinen-aste",
            "neuvola-ja-perheneuvola",
            "vammaispalvelut",
            "seurakunnat",
        ],
        [
            ("Lakeuden kaupunki", T.MUNICIPALITY, "etela-pohjanmaa"),
            ("Pohjanmaan monikulttuurinen yhdistys ry", T.ASSOCIATION, "pohjanmaa"),
            ("Jokilaakson kunta", T.MUNICIPALITY, "keski-pohjanmaa"),
            ("Rannikkoyliopisto", T.UNIVERSITY, "pohjanmaa"),
        ],
    ),
    (
        11,
        "Mieli ja harrastus",
        "MIHA",
        ["OKM", "STM"],
        [
            "opiskeluhuolto-koulutus",
            "perusopetus",
            "paihde-ja-mielenterveyspalvelut",
            "harrastustoimijat",
        ],
        [("Mielen hyvinvoinnin keskus ry", T.ASSOCIATION, "keski-uusimaa")],
    ),
    (
        12,
        "Varhaiskasvatus ja mielen hyvinvointi",
        "VAMI",
        ["OKM", "STM"],
        ["varhaiskasvatus-ja-esiopetus", "muu-sosiaalityo"],
        [
            ("Kasvatusalan kehittämiskeskus", T.STATE_AGENCY, "helsinki"),
            ("Esimerkkihyvinvointialue Päijät-Häme", T.WELLBEING_COUNTY, "paijat-hame"),
            ("Tikkurilan ammattikorkeakoulu", T.UNIVERSITY, "vantaa-kerava"),
        ],
    ),
]

# partner name, type, region slug, entity numbers it works with
PARTNERS = [
    ("Pääkaupungin liikuntaseura ry", T.ASSOCIATION, "helsinki", [1, 12]),
    ("Jyvässeudun perhejärjestö ry", T.ASSOCIATION, "keski-suomi", [2, 11]),
    ("Harjun taidekoulu", T.FOUNDATION, "keski-suomi", [2]),
    ("Saimaan kulttuuriyhdistys ry", T.ASSOCIATION, "etela-karjala", [3]),
    ("Länsiväylän nuorisokeskus ry", T.ASSOCIATION, "lansi-uusimaa", [5]),
    ("Merenrannan seurakunta", T.PARISH, "helsinki", [5]),
    ("Kymin nuorisoseura ry", T.ASSOCIATION, "kymenlaakso", [6]),
    ("Kehäradan vapaaehtoiskeskus ry", T.ASSOCIATION, "vantaa-kerava", [8]),
]


def _financing(index: int) -> dict:
    """Deterministic euros with a 75 % support rate; multiples of 20 000 keep cents exact."""
    total = Decimal(120_000 + (index * 37 % 13) * 20_000)
    support = total * Decimal("0.75")
    return {"total_cost": total, "support": support, "own_financing": total - support}


def illustrative_portfolio(actor, *, theme, call, objective, ely, ministries) -> list:
    regions = {r.slug: r for r in Region.objects.all()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    entities = {}
    implementer_index = 0
    for number, name, acronym, ministry_codes, sector_slugs, implementers in ENTITIES:
        kind = ProjectKind.SINGLE if len(implementers) == 1 else ProjectKind.GROUP
        entity = project_entity_create(
            actor=actor,
            name=name,
            acronym=acronym,
            kind=kind,
            slug=f"esimerkki-{acronym.lower()}",
            call=call,
            theme=theme,
            specific_objective=objective,
            funding_authority=ely,
            funding_ministries=[ministries[code] for code in ministry_codes],
            sectors=[sectors[slug] for slug in sector_slugs],
            starts=date(2024, 3, 1),
            ends=date(2026, 12, 31),
            is_illustrative=True,
            description="Havainnollistava hanke, joka täydentää koordinaation yleiskuvan lukumäärät.",
        )
        entity = advance(actor, entity, ProjectStatus.IN_IMPLEMENTATION)
        entities[number] = entity
        for position, (org_name, org_type, region_slug) in enumerate(implementers):
            implementer_index += 1
            organisation = organisation_create(
                actor=actor,
                name=org_name,
                organisation_type=org_type,
                region=regions[region_slug],
                is_illustrative=True,
            )
            if kind == ProjectKind.SINGLE:
                role = ApplicationRole.MAIN_IMPLEMENTER
            else:
                role = (
                    ApplicationRole.MAIN_IMPLEMENTER
                    if position == 0
                    else ApplicationRole.CO_IMPLEMENTER
                )
            application_create(
                actor=actor,
                entity=entity,
                organisation=organisation,
                role=role,
                is_illustrative=True,
                **_financing(implementer_index),
            )
    for org_name, org_type, region_slug, numbers in PARTNERS:
        organisation = organisation_create(
            actor=actor,
            name=org_name,
            organisation_type=org_type,
            region=regions[region_slug],
            is_illustrative=True,
        )
        for number in numbers:
            partner_add(
                actor=actor,
                entity=entities[number],
                organisation=organisation,
                description="Havainnollistava yhteistyökumppani",
                is_illustrative=True,
            )
    return list(entities.values())


def coordination_project(actor, cite, *, objective, ely, okm):
    """The coordination itself (seed 002): a fact, and not one of the theme's 12 entities."""
    entity = project_entity_create(
        actor=actor,
        slug="osallisuuden-koordinaatio",
        name="Lasten, nuorten ja perheiden osallisuuden koordinaatio (ESR+)",
        kind=ProjectKind.GROUP,
        specific_objective=objective,
        funding_authority=ely,
        funding_ministries=[okm],
        description=(
            "Tukee erityistavoitteen 4.3 valtakunnallisia ja alueellisia kehittämishankkeita: "
            "osallisuuden, yhdenvertaisuuden ja tasa-arvon osaaminen, vaikutusten arviointi, "
            "verkostoituminen ja tulosten viestintä."
        ),
    )
    entity = advance(actor, entity, ProjectStatus.IN_IMPLEMENTATION)
    cite.cite(
        "002", entity, "name", "Lasten, nuorten ja perheiden osallisuuden koordinaatio (ESR+)"
    )
    cite.cite("002", entity, "funding_ministries", "Rahoitus: ESR+, Hämeen ELY, OKM")
    cite.cite("002", entity, "funding_authority", "Rahoitus: ESR+, Hämeen ELY, OKM")
    cite.cite(
        "002",
        entity,
        "description",
        "Koordinaatiohanke tukee Euroopan sosiaalirahaston (ESR+) erityistavoitteen 4.3 valtakunnallisia ja alueellisia kehittämishankkeita",
    )
    for name, org_type in (
        ("SOS-Lapsikylä", T.ASSOCIATION),
        ("Nuorten Akatemia", T.ASSOCIATION),
        ("Opetushallitus", T.STATE_AGENCY),
    ):
        organisation = organisation_create(actor=actor, name=name, organisation_type=org_type)
        application = application_create(
            actor=actor, entity=entity, organisation=organisation, role=ApplicationRole.IMPLEMENTER
        )
        cite.cite(
            "002",
            application,
            "organisation",
            "Toimijat: SOS-Lapsikylä, Nuorten Akatemia ja Opetushallitus",
        )
    return entity
