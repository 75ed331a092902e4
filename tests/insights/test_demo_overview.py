"""On the demo data the theme's overview reproduces the coordination's slide deck (seed 002)."""

import pytest

from hankesalkku.insights.funnel import build_funnel, theme_reported_figures
from hankesalkku.insights.overview import build_overview
from hankesalkku.insights.selection import Selection

pytestmark = pytest.mark.django_db

THEME = (
    "Lasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen kohti "
    "yhdenvertaisuutta"
)
SEED_002_SECTORS = [
    ("Kasvatus ja koulutus", "Varhaiskasvatus ja esiopetus", 5),
    ("Kasvatus ja koulutus", "Opiskeluhuolto", 3),
    ("Kasvatus ja koulutus", "Perusopetus", 5),
    ("Kasvatus ja koulutus", "Tutkintoon valmentava koulutus", 2),
    ("Kasvatus ja koulutus", "Toinen aste", 4),
    ("Sosiaali- ja terveydenhuolto", "Neuvola ja perheneuvola", 5),
    ("Sosiaali- ja terveydenhuolto", "Opiskeluhuolto", 3),
    ("Sosiaali- ja terveydenhuolto", "Lastensuojelu", 3),
    ("Sosiaali- ja terveydenhuolto", "Päihde- ja mielenterveyspalvelut", 2),
    ("Sosiaali- ja terveydenhuolto", "Vammaispalvelut", 2),
    ("Sosiaali- ja terveydenhuolto", "Muu sosiaalityö", 3),
    ("Vapaa-ajan toiminta", "Liikuntapalvelut", 2),
    ("Vapaa-ajan toiminta", "Harrastustoimijat", 3),
    ("Vapaa-ajan toiminta", "Vapaaehtoistoimijat", 3),
    ("Vapaa-ajan toiminta", "Seurakunnat", 2),
]


@pytest.fixture
def theme_overview(demo):
    return build_overview(Selection.from_params({"theme": THEME}))


def test_the_theme_gives_the_seed_002_key_numbers(theme_overview):
    o = theme_overview
    assert (o["entities"], o["entities_single"], o["entities_group"]) == (12, 6, 6)
    assert o["implementers"] == 30
    assert o["by_ministry"] == {"OKM": 7, "STM": 3, "OKM+STM": 2}


def test_the_theme_gives_every_sector_count_of_seed_002(theme_overview):
    assert [(r["branch"], r["sector"], r["entities"]) for r in theme_overview["by_sector"]] == (
        SEED_002_SECTORS
    )


def test_social_and_health_services_are_in_all_but_two(theme_overview):
    sh = theme_overview["social_and_health"]
    assert (sh["involved"], sh["not_involved"] + sh["sectors_unknown"]) == (10, 2)


def test_every_region_but_kanta_hame_and_aland_has_implementers_or_partners(theme_overview):
    empty = [
        r["slug"] for r in theme_overview["by_region"] if not r["implementers"] + r["partners"]
    ]
    assert empty == ["kanta-hame", "ahvenanmaa"]
    assert theme_overview["regions_sentence"] == (
        "Hankkeita toteutetaan kaikkien hyvinvointialueiden alueilla Kanta-Hämettä ja "
        "Ahvenanmaata lukuun ottamatta."
    )


def test_a_part_of_the_theme_name_selects_the_same_theme(demo):
    short = build_overview(Selection.from_params({"theme": "lasten, nuorten ja perheiden"}))
    assert short["entities"] == 12


def test_the_reported_figures_stand_beside_the_counted_ones_with_sources(demo):
    reported = theme_reported_figures(Selection.from_params({"theme": THEME}))
    assert reported["entities"]["value"] == 12
    assert reported["by_ministry:OKM+STM"]["value"] == 2
    assert reported["by_sector:perusopetus"]["value"] == 5
    assert "Hanketoteuttajia on yhteensä 30." in reported["implementers"]["sources"][0]["quote"]
    narrowed = Selection.from_params({"theme": THEME, "ministry": "OKM"})
    assert theme_reported_figures(narrowed) == {}


def test_the_call_funnel_shows_received_applications_as_reported(demo):
    funnel = {c["slug"]: c for c in build_funnel(Selection.from_params({"theme": THEME}))}
    steps = {s["step"]: s for s in funnel["haku-2024-stm"]["steps"]}
    received = {f["metric"]: f["value"] for f in steps["received"]["reported"]}
    assert received == {"entities_received": 32, "applications_received": 66}
    assert steps["received"]["reported"][0]["sources"]
    funded = {s["step"]: s for s in funnel["haku-2023-okm-stm"]["steps"]}["funded"]
    assert {f["value"] for f in funded["reported"]} == {12, 30}
    assert steps["eligible"]["counted_entities"] is None


def test_every_output_says_when_illustrative_records_are_counted(demo):
    import io
    import json

    from pptx import Presentation
    from pypdf import PdfReader

    from hankesalkku.insights.exports import export_overview

    selection = Selection.from_params({"theme": THEME})
    data = json.loads(export_overview(selection, "json").content)
    assert data["illustrative_entities"] == 12
    assert "havainnollistava" in data["illustrative_note"]
    deck = Presentation(io.BytesIO(export_overview(selection, "pptx").content))
    slide_text = " ".join(
        shape.text_frame.text for shape in deck.slides[1].shapes if shape.has_text_frame
    )
    assert "havainnollistavia" in slide_text
    pdf = PdfReader(io.BytesIO(export_overview(selection, "pdf").content))
    assert "havainnollistava" in pdf.pages[0].extract_text()


def test_a_selection_of_facts_only_has_no_illustrative_note(demo):
    # Oulu's submitted project (seed 000) is a fact; the demo's illustrative applications to the
    # STM call are submitted too, but none of them is in Pohjois-Pohjanmaa.
    selection = Selection.from_params({"status": "submitted", "region": "Pohjois-Pohjanmaa"})
    overview = build_overview(selection)
    assert overview["entities"] >= 1
    assert overview["illustrative_entities"] == 0
    assert overview["illustrative_note"] == ""
