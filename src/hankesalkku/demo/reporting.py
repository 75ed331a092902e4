"""Helsingin malli 2025–2027 followed on its three levels: the call's indicators and reporting
schedule, its target districts' indicator values, and illustrative projects by arts
institutions with local actors, each with one accepted year of reports.

Every district value is marked illustrative: the figures are made up for the demo, not taken
from a statistic, and the pages say so. The projects are illustrative too.
"""

from datetime import date
from decimal import Decimal

from hankesalkku.organisations.models import OrganisationType
from hankesalkku.organisations.services import district_create, organisation_create
from hankesalkku.projects.models import (
    ApplicationRole,
    ApplicationStatus,
    ProjectKind,
    ProjectStatus,
)
from hankesalkku.projects.services import application_create, project_entity_create
from hankesalkku.reporting import services as reporting
from hankesalkku.reporting.services.district_import import district_values_import

from .statuses import advance

SOURCE = "havainnollistava esimerkkiarvo (ei tilastolähde)"
# measure, unit, per district (Malmi, Kontula, Meri-Rastila, Kannelmäki-Malminkartano), others
DISTRICT_VALUES = [
    ("Työttömyysaste", "%", ["12,1", "14,3", "13,5", "11,8"], ["6,5", "7,9", "8,8"]),
    ("Pienituloisten kotitalouksien osuus", "%", ["18", "21", "20", "17"], ["10", "12", "13"]),
    ("Vieraskielisten osuus", "%", ["27", "31", "35", "24"], ["12", "15", "19"]),
]
OTHER_DISTRICTS = [("kallio", "Kallio"), ("toolo", "Töölö"), ("munkkiniemi", "Munkkiniemi")]

# project, arts institution, local actor, district index, residents reached, scale, narrative
PROJECTS = [
    (
        "Malmin näyttämö",
        "Kaupunginteatteri (esimerkki)",
        "Malmin asukasyhdistys (esimerkki)",
        0,
        "340",
        "4",
        "Teatteri oppi tekemään esityksiä asukkaiden kertomuksista.",
    ),
    (
        "Kontulan äänet",
        "Orkesteri (esimerkki)",
        "Kontulan nuorisotalo (esimerkki)",
        1,
        "210",
        "3",
        "Orkesteri siirsi harjoituksiaan ostoskeskukseen ja sai uutta yleisöä.",
    ),
    (
        "Meri-Rastilan rantatanssit",
        "Tanssiteatteri (esimerkki)",
        "Meri-Rastilan kyläyhdistys (esimerkki)",
        2,
        "160",
        "5",
        "Tanssijat oppivat suunnittelemaan tapahtumat yhdessä monikielisten perheiden kanssa.",
    ),
    (
        "Kannelmäen kuvat",
        "Taidemuseo (esimerkki)",
        "Kannelmäen kirjasto ja koulu (esimerkki)",
        3,
        "275",
        "4",
        "Museo oppi, että näyttely kirjastossa tavoittaa toisenlaisen yleisön kuin museosalissa.",
    ),
]
# Seed 004: the districts were chosen from the city's indicators, surveys and studies, and they
# are the target areas of the Kaupunkiuudistus project; the demo's figures beside them are
# illustrative.
RATIONALE = (
    "Valittu kaupungin indikaattoreiden, kyselyiden ja selvitysten perusteella; "
    "Kaupunkiuudistus-hankkeen kohdealue (päätösehdotus HEL 2023-013557). "
    "Demon tunnusluvut ovat havainnollistavia."
)


def _indicators(actor, call):
    levels = list(call.impact_framework.levels.order_by("order"))
    residents, actors, institutions = levels
    return (
        reporting.indicator_create(
            actor=actor,
            name="Toimintaan osallistuneet asukkaat",
            unit="henkilöä",
            call=call,
            level=residents,
            outcome=reporting.outcome_create(
                actor=actor, level=residents, name="Asukkaiden osallisuus kulttuuriin vahvistuu"
            ),
        ),
        reporting.indicator_create(
            actor=actor,
            name="Aluetoimijoiden arvio yhteistyöstä",
            kind="scale",
            unit="1–5",
            scale_min=Decimal(1),
            scale_max=Decimal(5),
            call=call,
            level=actors,
            outcome=reporting.outcome_create(
                actor=actor, level=actors, name="Alueen toimijoiden yhteistyö tiivistyy"
            ),
        ),
        reporting.indicator_create(
            actor=actor,
            name="Mitä taidelaitos oppi",
            kind="narrative",
            call=call,
            level=institutions,
            outcome=reporting.outcome_create(
                actor=actor, level=institutions, name="Taidelaitosten toimintatavat muuttuvat"
            ),
        ),
    )


def _district_values(actor, call):
    targets = list(call.target_districts.order_by("pk"))
    others = [district_create(actor=actor, name=name, slug=slug) for slug, name in OTHER_DISTRICTS]
    lines = ["kaupunginosa;mittari;yksikkö;vuosi;arvo;lähde;havainnollistava"]
    for measure, unit, target_values, other_values in DISTRICT_VALUES:
        pairs = list(zip(targets, target_values, strict=True)) + list(
            zip(others, other_values, strict=True)
        )
        lines += [f"{d.slug};{measure};{unit};2024;{v};{SOURCE};kyllä" for d, v in pairs]
    district_values_import(actor=actor, text="\n".join(lines))
    for district in targets:
        reporting.target_district_set(
            actor=actor, call=call, district=district, rationale=RATIONALE
        )
    return targets


def reporting_demo(actor, call) -> None:
    residents, scale, narrative = _indicators(actor, call)
    periods = reporting.report_periods_create_yearly(
        actor=actor, call=call, first_year=2025, last_year=2027
    )
    districts = _district_values(actor, call)
    for number, (name, institution, local, district, reached, grade, story) in enumerate(
        PROJECTS, start=1
    ):
        entity = project_entity_create(
            actor=actor,
            name=name,
            kind=ProjectKind.GROUP,
            slug=f"helsingin-malli-{number}",
            call=call,
            starts=date(2025, 1, 1),
            ends=date(2027, 12, 31),
            is_illustrative=True,
        )
        part = None
        for role, org_name, org_type in (
            (ApplicationRole.MAIN_IMPLEMENTER, institution, OrganisationType.FOUNDATION),
            (ApplicationRole.CO_IMPLEMENTER, local, OrganisationType.ASSOCIATION),
        ):
            organisation = organisation_create(
                actor=actor, name=org_name, organisation_type=org_type, is_illustrative=True
            )
            application = application_create(
                actor=actor,
                entity=entity,
                organisation=organisation,
                role=role,
                status=ApplicationStatus.FUNDED,
                starts=date(2025, 1, 1),
                ends=date(2027, 12, 31),
                is_illustrative=True,
            )
            part = part or application
        advance(actor, entity, ProjectStatus.IN_IMPLEMENTATION)  # a running project, public
        reporting.part_district_add(actor=actor, application=part, district=districts[district])
        reporting.target_create(actor=actor, application=part, indicator=residents, target=600)
        reporting.target_create(actor=actor, application=part, indicator=scale, target=4)
        report = reporting.report_create(actor=actor, application=part, period=periods[0])
        reporting.report_update(
            actor=actor,
            report=report,
            values={residents.pk: reached, scale.pk: grade, narrative.pk: story},
        )
        if number == 1:  # an attachment, as a report's photos or minutes would be
            reporting.report_attachment_add(
                actor=actor,
                report=report,
                name="tapahtumat-2025.txt",
                content=b"Havainnollistava liite: vuoden 2025 tapahtumat ja osallistujat.\n",
            )
        reporting.report_submit(actor=actor, report=report)
        reporting.report_accept(actor=actor, report=report)
        if number == 1:  # the next year's report begun: a draft the implementer is filling
            draft = reporting.report_create(actor=actor, application=part, period=periods[1])
            reporting.report_update(actor=actor, report=draft, values={residents.pk: "120"})
