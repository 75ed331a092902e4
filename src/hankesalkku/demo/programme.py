"""The ESR+ programme structure, the theme and its four calls (seeds 002 and 003)."""

from datetime import date
from decimal import Decimal

from hankesalkku.core.money import Qualifier
from hankesalkku.organisations.models import Organisation, OrganisationType
from hankesalkku.organisations.services import organisation_create
from hankesalkku.programmes.models import FigureMetric, ProgrammeKind, Sector
from hankesalkku.programmes.services import (
    call_create,
    call_strand_create,
    priority_create,
    programme_create,
    reported_figure_create,
    specific_objective_create,
    theme_create,
)

from .sources import Citer

THEME_NAME = (
    "Lasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen kohti "
    "yhdenvertaisuutta"
)


# key, fi, sv, en, slug, abbreviation; each name is quoted as such in seed 003
AUTHORITIES = [
    ("ely", "Hämeen ELY-keskus", "NTM-centralen i Tavastland", "Häme ELY Centre",
     "hameen-ely-keskus", "Hämeen ELY"),
    ("okm", "Opetus- ja kulttuuriministeriö", "Undervisnings- och kulturministeriet",
     "Ministry of Education and Culture", "okm", "OKM"),
    ("stm", "Sosiaali- ja terveysministeriö", "Social- och hälsovårdsministeriet",
     "Ministry of Social Affairs and Health", "stm", "STM"),
]  # fmt: skip


def authorities(actor, cite: Citer) -> dict[str, Organisation]:
    found = {}
    for key, name, name_sv, name_en, slug, abbreviation in AUTHORITIES:
        found[key] = organisation_create(
            actor=actor,
            name=name,
            name_sv=name_sv,
            name_en=name_en,
            slug=slug,
            organisation_type=OrganisationType.STATE_AGENCY,
            abbreviation=abbreviation,
        )
        cite.cite("003", found[key], "", name)
    return found


def programme_structure(actor, cite: Citer):
    programme = programme_create(
        actor=actor,
        slug="uudistuva-ja-osaava-suomi-2021-2027",
        name="Uudistuva ja osaava Suomi 2021–2027",
        name_sv="Förnyande och kompetent Finland 2021–2027",
        name_en="Innovation and Skills in Finland 2021–2027",
        short_name="ESR+",
        kind=ProgrammeKind.EU_PROGRAMME,
        starts_year=2021,
        ends_year=2027,
    )
    cite.cite(
        "002", programme, "name", "Uudistuva ja osaava Suomi 2021–2027 -rakennerahasto-ohjelmaa"
    )
    priority = priority_create(
        actor=actor,
        programme=programme,
        number="4",
        name="Työllistävä, osaava ja osallistava Suomi",
        name_sv="Ett sysselsättande, kompetent och inkluderande Finland",
        name_en="Employing, skilled and inclusive Finland",
    )
    cite.cite("001", priority, "", "toimintalinja 4. työllistävä, osaava ja osallistava Suomi")
    objective = specific_objective_create(
        actor=actor,
        priority=priority,
        code="4.3",
        name="Yhdenvertainen osallisuus",
        name_sv="Jämlik delaktighet",
        name_en="Equal inclusion",
    )
    cite.cite("001", objective, "", "erityistavoite 4.3. Yhdenvertainen osallisuus")
    return programme, objective


CALL_SPEC_EXTRAS = {"key", "ministries", "window_quote", "description_quote"}

# The theme's four calls as seed 003 lists them; the window quote cites dates, budget and ministries.
THEME_CALLS = [
    {
        "key": "2023",
        "slug": "haku-2023-okm-stm",
        "name": "Valtakunnallinen hankehaku 2023 (OKM + STM)",
        "name_sv": "Riksomfattande projektutlysning 2023 (UKM + SHM)",
        "name_en": "National call 2023 (OKM + STM)",
        "ministries": ["okm", "stm"],
        "opens": date(2023, 10, 5),
        "closes": date(2023, 12, 4),
        "budget": Decimal("9300000.00"),
        "description": (
            "Parannetaan lasten, nuorten ja perheiden yhdenvertaisuutta, sukupuolten tasa-arvoa "
            "ja aktiivista osallisuutta; kehitetään arjen voimavarojen ja hyvinvoinnin tukea."
        ),
        "window_quote": "5.10.2023-4.12.2023 OKM + STM, yhteensä 9,3 miljoonaa €",
        "description_quote": "Parannetaan lasten, nuorten ja perheiden yhdenvertaisuutta",
    },
    {
        "key": "2024",
        "slug": "haku-2024-stm",
        "name": "Vanhemmuuden tuen haku 2024–2025 (STM)",
        "name_sv": "Utlysning om stöd för föräldraskap 2024–2025 (SHM)",
        "name_en": "Parenting support call 2024–2025 (STM)",
        "ministries": ["stm"],
        "opens": date(2024, 12, 20),
        "closes": date(2025, 2, 28),
        "budget": Decimal("7000000.00"),
        "description": (
            "Vanhemmuuden tuen ja vanhemmuustaitojen systemaattinen kehittäminen osana "
            "hyvinvointialueiden toimintaa ja monialaisia tuen ja palvelujen kokonaisuuksia."
        ),
        "window_quote": "20.12.2024-28.2.2025 STM, 7 miljoonaa €",
        "description_quote": "Vanhemmuuden tuen ja vanhemmuustaitojen systemaattinen kehittäminen",
    },
    {
        "key": "2025",
        "slug": "haku-2025-okm",
        "name": "Nuorten harrastus- ja kulttuuritoiminnan haku 2025 (OKM)",
        "name_sv": "Utlysning om ungas hobby- och kulturverksamhet 2025 (UKM)",
        "name_en": "Call for young people's hobby and culture activities 2025 (OKM)",
        "ministries": ["okm"],
        "opens": date(2025, 3, 21),
        "closes": date(2025, 6, 6),
        "budget": Decimal("5750000.00"),
        "window_quote": "21.3.2025-6.6.2025 OKM, 5,75 miljoonaa €",
    },
    {
        "key": "coordination",
        "slug": "koordinaatiohankkeen-jatkohaku-2025",
        "name": "Koordinaatiohankkeen jatkohaku 2025",
        "name_sv": "Fortsatt utlysning för koordinationsprojektet 2025",
        "name_en": "Follow-up call for the coordination project 2025",
        "ministries": [],
        "opens": date(2025, 3, 21),
        "closes": date(2025, 4, 21),
        "budget": Decimal("2100000.00"),
        "description": (
            "Jatkoa ohjelmakauden alussa toteutetulle koordinaatiohankkeelle; valittavan "
            "hankkeen tulee jatkaa edeltävän koordinaatiohankkeen toimintaa saumattomasti."
        ),
        "window_quote": "Lisäksi koordinaatiohankkeen jatkohaku 21.3.-21.4.2025, 2,1 miljoonaa €",
        "description_quote": (
            "Hanke on jatkoa ohjelmakauden alussa toteutetulle koordinaatiohankkeelle"
        ),
    },
]

# (call key, metric, value, note, quote): what seed 003 reports about the calls' outcomes
CALL_RESULTS = [
    ("2023", FigureMetric.FUNDED_ENTITIES, 12, "", "running"),
    ("2023", FigureMetric.FUNDED_PROJECTS, 30, "", "running"),
    ("2024", FigureMetric.STRANDS, 6, "", "strands"),
    ("2024", FigureMetric.ENTITIES_RECEIVED, 32, "assessment", "received"),
    ("2024", FigureMetric.APPLICATIONS_RECEIVED, 66, "assessment", "received"),
]
RESULT_QUOTES = {
    "running": (
        "Käynnissä 12 valtakunnallista hankekokonaisuutta (yhteensä 30 hanketta), sekä "
        "koordinaatiohanke."
    ),
    "strands": "6 alakohtaa",
    "received": (
        "Hakuun saatiin 32 hankekokonaisuutta (yhteensä 66 hakemusta), hakemusten arviointi "
        "Hämeen ELYn ja STM:n yhteistyönä on parhaillaan käynnissä."
    ),
}
NOTES = {
    "": ("", "", ""),
    "assessment": (
        "Hakemusten arviointi käynnissä (Hämeen ELY ja STM).",
        "Bedömningen av ansökningarna pågår (NTM-centralen i Tavastland och SHM).",
        "The applications are being assessed (Häme ELY Centre and the Ministry of Social Affairs and Health).",
    ),
}

STRANDS_2025 = [
    (
        "Valtakunnalliset hankkeet, joissa kehitetään ja pilotoidaan taide-, kulttuuri-, "
        "liikunta- ja muiden alojen ohjatun vapaa-ajan harrastustoiminnan järjestämistä nuorille "
        "(15–19-vuotiaat) lukiokoulutuksessa ja ammatillisessa koulutuksessa",
        "Valtakunnalliset hankkeet, joissa kehitetään ja pilotoidaan taide-, kulttuuri-, liikunta-",
    ),
    (
        "Valtakunnalliset hankkeet, joissa järjestetään taide- ja kulttuuriesityksiä, "
        "-vierailuja ja -työpajoja 7–19-vuotiaille lapsille ja nuorille",
        "Valtakunnalliset hankkeet, joissa järjestetään taide- ja kulttuuriesityksiä, -vierailuja",
    ),
]


def _call_results(actor, cite: Citer, calls: dict) -> None:
    for key, metric, value, note, quote in CALL_RESULTS:
        figure = reported_figure_create(
            actor=actor,
            call=calls[key],
            metric=metric,
            value=value,
            note=NOTES[note][0],
            note_sv=NOTES[note][1],
            note_en=NOTES[note][2],
        )
        cite.cite("003", figure, "value", RESULT_QUOTES[quote])
    for number, (name, quote) in enumerate(STRANDS_2025, start=1):
        strand = call_strand_create(actor=actor, call=calls["2025"], number=number, name=name)
        cite.cite("003", strand, "name", quote)


def theme_and_calls(actor, cite: Citer, programme, objective, orgs) -> dict:
    theme = theme_create(
        actor=actor,
        slug="lasten-nuorten-ja-perheiden-palvelut",
        name=THEME_NAME,
        name_sv="Utveckling av tjänster för barn, unga och familjer och främjande av välbefinnande "
        "mot jämlikhet",
        name_en="Developing services for children, young people and families and promoting "
        "wellbeing towards equality",
        programme=programme,
        specific_objective=objective,
        description=(
            "Haavoittuvassa asemassa olevien lasten, nuorten ja perheiden tunnistaminen ja "
            "arjessa tukeminen; eri alojen ammattilaisten osaamisen vahvistaminen; "
            "osallistuminen kulttuuri- ja liikuntapalveluihin ja ohjattuun vapaa-aikaan."
        ),
        ministries=[orgs["okm"], orgs["stm"]],
    )
    cite.cite("003", theme, "name", f"({THEME_NAME})")
    cite.cite("003", theme, "", "Toteutettu 3 valtakunnallista hankehakua")

    calls = {}
    for spec in THEME_CALLS:
        call = call_create(
            actor=actor,
            programme=programme,
            theme=theme,
            funding_authority=orgs["ely"],
            ministries=[orgs[key] for key in spec["ministries"]],
            **{k: v for k, v in spec.items() if k not in CALL_SPEC_EXTRAS},
        )
        calls[spec["key"]] = call
        for field in (
            "opens",
            "closes",
            "budget",
            *(("ministries",) if spec["ministries"] else ()),
        ):
            cite.cite("003", call, field, spec["window_quote"])
        if spec.get("description_quote"):
            cite.cite("003", call, "description", spec["description_quote"])
    _call_results(actor, cite, calls)
    return {"theme": theme, "calls": calls}


SEED_002_SECTOR_QUOTES = [
    # (sector slug, reported count, quote in seed 002)
    ("varhaiskasvatus-ja-esiopetus", 5, "Varhaiskasvatus ja esiopetus 5"),
    ("opiskeluhuolto-koulutus", 3, "Varhaiskasvatus ja esiopetus 5 Opiskeluhoolto 3"),
    ("perusopetus", 5, "Perusopetus 5"),
    ("tutkintoon-valmentava-koulutus", 2, "Tutkintoon valmentava koulutus 2"),
    ("toinen-aste", 4, "Toinen aste 4"),
    ("neuvola-ja-perheneuvola", 5, "Neuvola ja perheneuvola 5"),
    ("opiskeluhuolto-sote", 3, "Neuvola ja perheneuvola 5 Opiskeluhoolto 3"),
    ("lastensuojelu", 3, "Lastensuojelu 3"),
    ("paihde-ja-mielenterveyspalvelut", 2, "Päihde- ja mielenterveyspalvelut 2"),
    ("vammaispalvelut", 2, "Vammaispalvelut 2"),
    ("muu-sosiaalityo", 3, "Muu sosiaalityö 3"),
    ("liikuntapalvelut", 2, "Liikuntapalvelut 2"),
    ("harrastustoimijat", 3, "Harrastustoimijat 3"),
    ("vapaaehtoistoimijat", 3, "Vapaaehtoistoimijat 3"),
    ("seurakunnat", 2, "Seurakunnat 2"),
]


def coordination_figures(actor, cite: Citer, theme) -> None:
    """What the coordination reported on 28.11.2024, kept as reported (seed 002)."""
    as_of = date(2024, 11, 28)
    figures = [
        (
            FigureMetric.FUNDED_ENTITIES,
            "",
            12,
            "Valtakunnallisia hankekokonaisuuksia on yhteensä 12.",
        ),
        (
            FigureMetric.ENTITIES_SINGLE,
            "",
            6,
            "Hankekokonaisuuksista kuusi on yhden toteuttajan hankkeita ja kuusi ryhmähankkeita.",
        ),
        (
            FigureMetric.ENTITIES_GROUP,
            "",
            6,
            "Hankekokonaisuuksista kuusi on yhden toteuttajan hankkeita ja kuusi ryhmähankkeita.",
        ),
        (FigureMetric.IMPLEMENTERS, "", 30, "Hanketoteuttajia on yhteensä 30."),
        (
            FigureMetric.ENTITIES_BY_MINISTRY,
            "OKM",
            7,
            "Seitsemää hankekokonaisuutta rahoitetaan OKM:n ja kolmea STM:n myöntövaltuudesta.",
        ),
        (
            FigureMetric.ENTITIES_BY_MINISTRY,
            "STM",
            3,
            "Seitsemää hankekokonaisuutta rahoitetaan OKM:n ja kolmea STM:n myöntövaltuudesta.",
        ),
        (
            FigureMetric.ENTITIES_BY_MINISTRY,
            "OKM+STM",
            2,
            "Kahden hankekokonaisuuden rahoitus tulee jaetusti molempien ministeriöiden myöntövaltuuksista.",
        ),
        (
            FigureMetric.ENTITIES_WITHOUT_SOCIAL_HEALTH,
            "",
            2,
            "Sote-palvelut ovat mukana kehittämisen kohteena tai yhteistyötahona kahta lukuun ottamatta kaikissa hankkeissa.",
        ),
    ]
    for metric, label, value, quote in figures:
        figure = reported_figure_create(
            actor=actor, theme=theme, metric=metric, label=label, value=value, as_of=as_of
        )
        cite.cite("002", figure, "value", quote, section="Yleiskuva hankkeista")
    sectors = {s.slug: s for s in Sector.objects.all()}
    for slug, value, quote in SEED_002_SECTOR_QUOTES:
        figure = reported_figure_create(
            actor=actor,
            theme=theme,
            metric=FigureMetric.ENTITIES_BY_SECTOR,
            sector=sectors[slug],
            value=value,
            as_of=as_of,
        )
        cite.cite("002", figure, "value", quote, section="Hankkeiden (N=12) toimi- ja koulutusalat")


__all__ = ["Qualifier", "THEME_NAME", "authorities", "programme_structure", "theme_and_calls"]
