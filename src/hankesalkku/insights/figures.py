"""The overview's charts described once (title, summary sentence, bars, data table), so the page,
the PDF and the slide deck say the same thing in the same words."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hankesalkku.core.money import format_eur, format_rate

from .charts import WEB_FONT, Bar, Group, bar_chart, tile_map

# Partitive of the small numerals, for "kahta lukuun ottamatta" (seed 002's phrasing).
_PARTITIVE_NUMERALS = {
    1: "yhtä",
    2: "kahta",
    3: "kolmea",
    4: "neljää",
    5: "viittä",
    6: "kuutta",
    7: "seitsemää",
    8: "kahdeksaa",
    9: "yhdeksää",
    10: "kymmentä",
}
FINANCING_PARTS = (
    "support",
    "own_financing",
    "municipal_financing",
    "other_public_financing",
    "private_financing",
)


@dataclass
class ChartSpec:
    key: str
    title: str
    summary: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)  # data table, values as printed
    groups: list[Group] = field(default_factory=list)
    is_map: bool = False
    legend: str = ""
    region_rows: list[dict] = field(default_factory=list)
    language: str = "fi"

    def svg(self, font_family: str = WEB_FONT, width: int = 640) -> str:
        if self.is_map:
            return tile_map(
                self.region_rows,
                title=self.title,
                summary=self.summary,
                legend=self.legend,
                font_family=font_family,
                language=self.language,
            )
        return bar_chart(
            self.groups,
            title=self.title,
            summary=self.summary,
            font_family=font_family,
            width=width,
        )


def financing_labels() -> dict[str, str]:
    return {
        "total_cost": _("Kokonaiskustannukset"),
        "support": _("Tuki (EU ja valtio)"),
        "own_financing": _("Omarahoitus"),
        "municipal_financing": _("Kuntarahoitus"),
        "other_public_financing": _("Muu julkinen rahoitus"),
        "private_financing": _("Yksityinen rahoitus"),
        "support_rate": _("Tukiprosentti"),
    }


def ministry_label(label: str) -> str:
    if "+" in label:
        return _("%(ministries)s yhteisesti") % {"ministries": label}
    if label == "–":
        return _("ei tiedossa")
    return label


def social_health_sentence(overview: dict) -> str:
    sh = overview["social_and_health"]
    involved, missing = sh["involved"], sh["not_involved"] + sh["sectors_unknown"]
    total = overview["entities"]
    if not total:
        return _("Valinnassa ei ole hankekokonaisuuksia.")
    if involved == 0:
        return _("Sosiaali- ja terveyspalvelut eivät ole mukana yhdessäkään hankkeessa.")
    if missing == 0:
        return _("Sosiaali- ja terveyspalvelut ovat mukana kaikissa hankkeissa.")
    if translation.get_language() == "fi" and missing in _PARTITIVE_NUMERALS and missing < involved:
        return (
            "Sote-palvelut ovat mukana kehittämisen kohteena tai yhteistyötahona "
            f"{_PARTITIVE_NUMERALS[missing]} lukuun ottamatta kaikissa hankkeissa."
        )
    return _("Sosiaali- ja terveyspalvelut ovat mukana %(n)s/%(total)s hankkeessa.") % {
        "n": involved,
        "total": total,
    }


def key_sentences(overview: dict) -> dict[str, str]:
    """The key-number sentences of the deck's second slide, with digits."""
    n = overview["entities"]
    ministries = "; ".join(f"{ministry_label(k)} {v}" for k, v in overview["by_ministry"].items())
    return {
        "entities": ngettext(
            "Hankekokonaisuuksia on yhteensä %(n)s.", "Hankekokonaisuuksia on yhteensä %(n)s.", n
        )
        % {"n": n},
        "kinds": _("Yhden toteuttajan hankkeita %(single)s, ryhmähankkeita %(group)s.")
        % {"single": overview["entities_single"], "group": overview["entities_group"]},
        "implementers": _("Hanketoteuttajia on yhteensä %(n)s (%(orgs)s eri organisaatiota).")
        % {"n": overview["implementers"], "orgs": overview["implementer_organisations"]},
        "partners": _("Yhteistyökumppaneita %(n)s.") % {"n": overview["partners"]},
        "ministries": _("Myöntövaltuus: %(list)s.") % {"list": ministries or "–"},
    }


def chart_specs(overview: dict) -> list[ChartSpec]:
    return [
        _ministry_spec(overview),
        _sector_spec(overview),
        _organisation_type_spec(overview),
        _map_spec(overview),
        _financing_spec(overview),
    ]


def _ministry_spec(overview: dict) -> ChartSpec:
    items = list(overview["by_ministry"].items())
    bars = [Bar(ministry_label(k), v) for k, v in items]
    return ChartSpec(
        key="ministries",
        title=_("Hankekokonaisuudet myöntövaltuuden mukaan (N=%(n)s)")
        % {"n": overview["entities"]},
        summary=_("Myöntövaltuus: %(list)s.")
        % {"list": ", ".join(f"{ministry_label(k)} {v}" for k, v in items) or "–"},
        columns=[_("Myöntövaltuus"), _("Hankekokonaisuuksia")],
        rows=[[ministry_label(k), v] for k, v in items],
        groups=[Group("", bars)] if bars else [],
    )


def _sector_spec(overview: dict) -> ChartSpec:
    groups: dict[str, list[Bar]] = {}
    for row in overview["by_sector"]:
        groups.setdefault(row["branch"], []).append(Bar(row["sector"], row["entities"]))
    top = max((r["entities"] for r in overview["by_sector"]), default=0)
    summary = social_health_sentence(overview)
    if top:
        leaders = [r["sector"] for r in overview["by_sector"] if r["entities"] == top]
        summary += " " + ngettext(
            "Eniten hankkeita (%(n)s) on toimialalla %(sectors)s.",
            "Eniten hankkeita (%(n)s kullakin) on toimialoilla %(sectors)s.",
            len(leaders),
        ) % {"n": top, "sectors": "; ".join(dict.fromkeys(leaders))}
    return ChartSpec(
        key="sectors",
        title=_("Hankkeiden (N=%(n)s) toimi- ja koulutusalat") % {"n": overview["entities"]},
        summary=summary,
        columns=[_("Hallinnonala"), _("Toimiala"), _("Hankekokonaisuuksia")],
        rows=[[r["branch"], r["sector"], r["entities"]] for r in overview["by_sector"]],
        groups=[Group(name, bars) for name, bars in groups.items()],
    )


def _organisation_type_spec(overview: dict) -> ChartSpec:
    rows = [r for r in overview["by_organisation_type"] if r["implementers"]]
    total = overview["implementers"]
    summary = _("Ei toteuttajia.")
    if rows:
        summary = _("Suurin ryhmä on %(label)s: %(n)s/%(total)s toteuttajaa.") % {
            "label": rows[0]["label"],
            "n": rows[0]["implementers"],
            "total": total,
        }
    return ChartSpec(
        key="organisation_types",
        title=_("Hanketoteuttajat (N=%(n)s) organisaatiotyypin mukaan") % {"n": total},
        summary=summary,
        columns=[_("Organisaatiotyyppi"), _("Toteuttajia")],
        rows=[[r["label"], r["implementers"]] for r in rows],
        groups=[Group("", [Bar(r["label"].capitalize(), r["implementers"]) for r in rows])]
        if rows
        else [],
    )


def _map_spec(overview: dict) -> ChartSpec:
    summary = " ".join(
        s for s in (overview["regions_sentence"], overview["busiest_regions_sentence"]) if s
    )
    return ChartSpec(
        key="map",
        title=_("Hanketoteuttajat ja yhteistyökumppanit alueittain"),
        summary=summary,
        columns=[_("Alue"), _("Toteuttajia"), _("Yhteistyökumppaneita"), _("Yhteensä")],
        rows=[
            [r["short_name"], r["implementers"], r["partners"], r["implementers"] + r["partners"]]
            for r in overview["by_region"]
        ],
        is_map=True,
        legend=_(
            "Iso luku: toteuttajat ja yhteistyökumppanit yhteensä; pieni: toteuttajat + "
            "kumppanit. Katkoviiva: ei yhtään. Sijainti organisaation kotialueen mukaan."
        ),
        region_rows=overview["by_region"],
        language=overview["language"],
    )


def _financing_spec(overview: dict) -> ChartSpec:
    fin = overview["financing"]
    labels = financing_labels()
    bars = [Bar(labels[k], float(fin[k]), format_eur(fin[k])) for k in FINANCING_PARTS if fin[k]]
    rows = [[labels[k], format_eur(fin[k])] for k in ("total_cost", *FINANCING_PARTS)]
    rows.append([labels["support_rate"], format_rate(fin["support_rate"])])
    return ChartSpec(
        key="financing",
        title=_("Rahoitus lähteittäin"),
        summary=_("Kokonaiskustannukset %(total)s, josta tukea %(support)s (%(rate)s).")
        % {
            "total": format_eur(fin["total_cost"]),
            "support": format_eur(fin["support"]),
            "rate": format_rate(fin["support_rate"]),
        },
        columns=[_("Rahoitus"), _("Euroa")],
        rows=rows,
        groups=[Group("", bars)] if bars else [],
    )
