"""Seed 004: the Helsingin malli development grants continue 2025–2027 in four districts."""

from datetime import date

from hankesalkku.decisions.models import Appeal, DecisionMakerKind, DecisionStage
from hankesalkku.decisions.services import decision_create
from hankesalkku.organisations.services import district_create
from hankesalkku.programmes.models import ProgrammeKind
from hankesalkku.programmes.services import (
    call_create,
    impact_framework_create,
    impact_level_create,
    programme_create,
)

from .sources import Citer

DISTRICTS = [
    ("Malmi", "Malm"),
    ("Kontula", "Gårdsbacka"),
    ("Meri-Rastila", "Havsrastböle"),
    ("Kannelmäki-Malminkartano", "Gamlas-Malmgård"),
]


def helsingin_malli(actor, cite: Citer, org) -> dict:
    programme = programme_create(
        actor=actor,
        slug="helsingin-malli",
        name="Helsingin malli – osallistavan alueellisen kulttuurityön kehittämisavustukset",
        name_sv="Helsingforsmodellen – utvecklingsunderstöd för delaktigt regionalt kulturarbete",
        name_en="The Helsinki Model – development grants for participatory regional culture work",
        short_name="Helsingin malli",
        kind=ProgrammeKind.MUNICIPAL_GRANTS,
        owner=org["helsinki"],
    )
    cite.cite("004", programme, "name", "osallistavan alueellisen kulttuurityön Helsingin mallin")
    framework = impact_framework_create(
        actor=actor,
        name="Helsingin mallin kolmikantainen vaikuttavuuskokonaisuus",
        description=(
            "Vaikutuksia seurataan kolmella tasolla; käytössä yhteneväiset raportointimateriaalit. "
            "Hankekauden päätteeksi tehdään erillinen vaikuttavuusselvitys."
        ),
    )
    cite.cite(
        "004",
        framework,
        "name",
        "Helsingin mallin käynnissä olevia hankkeita on seurattu kolmikantaisen vaikuttavuuskokonaisuuden avulla.",
    )
    cite.cite(
        "004", framework, "description", "käytössä on mm. yhteneväiset raportointimateriaalit"
    )
    for order, name in enumerate(("Asukkaat", "Aluetoimijat", "Taidelaitokset"), start=1):
        level = impact_level_create(actor=actor, framework=framework, order=order, name=name)
        cite.cite("004", level, "name", "asukkaiden, aluetoimijoiden ja taidelaitosten välillä")

    districts = []
    for name, name_sv in DISTRICTS:
        district = district_create(actor=actor, name=name, name_sv=name_sv)
        cite.cite(
            "004", district, "name", "Seuraavan kolmivuotiskauden kohdekaupunginosat ovat Malmi"
        )
        districts.append(district)

    call = call_create(
        actor=actor,
        programme=programme,
        slug="helsingin-malli-2025-2027",
        name="Helsingin mallin kehittämisavustukset 2025–2027",
        name_sv="Helsingforsmodellens utvecklingsunderstöd 2025–2027",
        name_en="Helsinki Model development grants 2025–2027",
        starts_year=2025,
        ends_year=2027,
        target_districts=districts,
        impact_framework=framework,
        description=(
            "Kohdekaupunginosat valittiin kaupungin indikaattoreiden, kyselyiden ja selvitysten "
            "perusteella; ne ovat Kaupunkiuudistus-hankkeen kohdealueita."
        ),
    )
    cite.cite(
        "004", call, "starts_year", "Helsingin mallin kehittämisavustusten jatkokausi 2025-2027"
    )
    cite.cite(
        "004", call, "target_districts", "Seuraavan kolmivuotiskauden kohdekaupunginosat ovat Malmi"
    )
    cite.cite(
        "004",
        call,
        "description",
        "kaupunki kerää erilaisten indikaattoreiden, kyselyiden ja selvitysten",
    )

    division = org["helsinki"]
    decision = decision_create(
        actor=actor,
        organisation=division,
        decision_maker="Kulttuuri- ja vapaa-aikalautakunnan kulttuuri- ja kirjastojaosto",
        decision_maker_kind=DecisionMakerKind.DIVISION,
        stage=DecisionStage.PROPOSAL,
        date=date(2023, 11, 7),
        section="6",
        diary_number="HEL 2023-013557",
        classification_code="02 05 01 00",
        title="Helsingin mallin kehittämisavustusten jatkokausi 2025–2027",
        summary=(
            "Päätösehdotus: jatketaan osallistavan alueellisen kulttuurityön Helsingin mallin "
            "kehittämisavustushakua vuosille 2025–2027."
        ),
        presenter="kulttuurin edistämisen päällikkö Veikko Kunnas",
        appeal=Appeal.NO_APPEAL,
        calls=[call],
    )
    cite.cite(
        "004",
        decision,
        "",
        "Kulttuuri- ja vapaa-aikalautakunnan kulttuuri- ja kirjastojaosto päättää jatkaa osallistavan alueellisen kulttuurityön Helsingin mallin",
        section="Päätösehdotus",
    )
    cite.cite("004", decision, "diary_number", "HEL 2023-013557 T 02 05 01 00")
    cite.cite("004", decision, "classification_code", "HEL 2023-013557 T 02 05 01 00")
    cite.cite("004", decision, "section", "Asia/6")
    cite.cite("004", decision, "date", "07.11.2023")
    cite.cite(
        "004",
        decision,
        "presenter",
        "kulttuurin edistämisen päällikkö Veikko Kunnas",
        section="Esittelijä",
    )
    cite.cite(
        "004",
        decision,
        "appeal",
        "Muutoksenhakukielto, valmistelu tai täytäntöönpano",
        section="Muutoksenhaku",
    )
    return {"programme": programme, "call": call, "decision": decision}
