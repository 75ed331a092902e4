"""The map of Finland as a tile grid: one equal square per region, placed roughly where it lies.

A tile grid ships with the package (nothing is fetched at run time) and, unlike a real map, gives
Helsinki the same room as Lappi, so a count can be written on every region and read without
colour. Lappi is at the top, Åland lower left, Helsinki and the Uusimaa counties at the bottom.

The partitive forms are here because the coverage sentence needs them ("Kanta-Hämettä ja
Ahvenanmaata lukuun ottamatta") and Finnish inflection of place names is not rule-driven enough
to compute safely.
"""

# slug: (column, row)
TILE_GRID: dict[str, tuple[int, int]] = {
    "lappi": (3, 0),
    "pohjois-pohjanmaa": (3, 1),
    "kainuu": (4, 1),
    "pohjanmaa": (1, 2),
    "keski-pohjanmaa": (2, 2),
    "keski-suomi": (3, 2),
    "pohjois-savo": (4, 2),
    "pohjois-karjala": (5, 2),
    "satakunta": (1, 3),
    "etela-pohjanmaa": (2, 3),
    "pirkanmaa": (3, 3),
    "etela-savo": (4, 3),
    "etela-karjala": (5, 3),
    "varsinais-suomi": (1, 4),
    "kanta-hame": (2, 4),
    "paijat-hame": (3, 4),
    "kymenlaakso": (4, 4),
    "ahvenanmaa": (0, 5),
    "lansi-uusimaa": (1, 5),
    "keski-uusimaa": (2, 5),
    "vantaa-kerava": (3, 5),
    "ita-uusimaa": (4, 5),
    "helsinki": (3, 6),
}

GRID_COLUMNS = 1 + max(x for x, _ in TILE_GRID.values())
GRID_ROWS = 1 + max(y for _, y in TILE_GRID.values())

# Short names on the tiles where the region's own short name is too long for a square.
TILE_LABELS: dict[str, str] = {
    "varsinais-suomi": "Varsinais-\nSuomi",
    "pohjois-pohjanmaa": "Pohjois-\nPohjanmaa",
    "keski-pohjanmaa": "Keski-\nPohjanmaa",
    "etela-pohjanmaa": "Etelä-\nPohjanmaa",
    "pohjois-karjala": "Pohjois-\nKarjala",
    "etela-karjala": "Etelä-\nKarjala",
    "lansi-uusimaa": "Länsi-\nUusimaa",
    "keski-uusimaa": "Keski-\nUusimaa",
    "vantaa-kerava": "Vantaa-\nKerava",
    "ita-uusimaa": "Itä-\nUusimaa",
    "kymenlaakso": "Kymen-\nlaakso",
    "ahvenanmaa": "Ahvenan-\nmaa",
    "pohjois-savo": "Pohjois-\nSavo",
    "etela-savo": "Etelä-\nSavo",
    "paijat-hame": "Päijät-\nHäme",
    "kanta-hame": "Kanta-\nHäme",
    "keski-suomi": "Keski-\nSuomi",
    "pirkanmaa": "Pirkan-\nmaa",
    "satakunta": "Sata-\nkunta",
}

# Partitive of each region's Finnish short name ("lukuun ottamatta" governs the partitive).
PARTITIVE: dict[str, str] = {
    "varsinais-suomi": "Varsinais-Suomea",
    "satakunta": "Satakuntaa",
    "kanta-hame": "Kanta-Hämettä",
    "pirkanmaa": "Pirkanmaata",
    "paijat-hame": "Päijät-Hämettä",
    "kymenlaakso": "Kymenlaaksoa",
    "etela-karjala": "Etelä-Karjalaa",
    "etela-savo": "Etelä-Savoa",
    "pohjois-savo": "Pohjois-Savoa",
    "pohjois-karjala": "Pohjois-Karjalaa",
    "keski-suomi": "Keski-Suomea",
    "etela-pohjanmaa": "Etelä-Pohjanmaata",
    "pohjanmaa": "Pohjanmaata",
    "keski-pohjanmaa": "Keski-Pohjanmaata",
    "pohjois-pohjanmaa": "Pohjois-Pohjanmaata",
    "kainuu": "Kainuuta",
    "lappi": "Lappia",
    "ita-uusimaa": "Itä-Uuttamaata",
    "keski-uusimaa": "Keski-Uuttamaata",
    "lansi-uusimaa": "Länsi-Uuttamaata",
    "vantaa-kerava": "Vantaa-Keravaa",
    "helsinki": "Helsinkiä",
    "ahvenanmaa": "Ahvenanmaata",
}


def tile_label(slug: str, short_name: str, language: str = "fi") -> str:
    """The tile's text; lines are split at a hyphen so a square stays readable."""
    if language == "fi" and slug in TILE_LABELS:
        return TILE_LABELS[slug]
    if "-" in short_name and len(short_name) > 9:
        head, _sep, tail = short_name.partition("-")
        return f"{head}-\n{tail}"
    if " " in short_name and len(short_name) > 9:
        return short_name.replace(" ", "\n", 1)
    return short_name


def _join(names: list[str], conjunction: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def coverage_sentence(rows: list[dict], language: str = "fi") -> str:
    """One sentence naming the regions without implementers or partners, as seed 002 does.

    `rows` are the overview's by_region rows (slug, region, short_name, implementers, partners).
    When most regions are uncovered the sentence names the covered ones instead, so it never
    becomes a list of twenty exceptions.
    """
    covered = [r for r in rows if r["implementers"] or r["partners"]]
    uncovered = [r for r in rows if not (r["implementers"] or r["partners"])]
    if not covered:
        return {
            "fi": "Toteuttajia tai yhteistyökumppaneita ei ole kirjattu millekään alueelle.",
            "sv": "Inga genomförare eller samarbetspartner har registrerats i något område.",
            "en": "No implementers or partners are recorded in any region.",
        }[language]
    if len(uncovered) > len(covered):
        names = [r["short_name"] for r in covered]
        return {
            "fi": f"Hankkeita toteutetaan {len(names)} alueella: {_join(names, 'ja')}.",
            "sv": f"Projekt genomförs i {len(names)} områden: {_join(names, 'och')}.",
            "en": f"Projects are carried out in {len(names)} regions: {_join(names, 'and')}.",
        }[language]
    if not uncovered:
        return {
            "fi": "Hankkeita toteutetaan kaikkien hyvinvointialueiden alueilla ja Ahvenanmaalla.",
            "sv": "Projekt genomförs i alla välfärdsområden och på Åland.",
            "en": "Projects are carried out in all wellbeing services counties and in Åland.",
        }[language]
    if language == "fi":
        names = [PARTITIVE.get(r["slug"], r["short_name"]) for r in uncovered]
        return (
            "Hankkeita toteutetaan kaikkien hyvinvointialueiden alueilla "
            f"{_join(names, 'ja')} lukuun ottamatta."
        )
    names = [r["short_name"] for r in uncovered]
    if language == "sv":
        return f"Projekt genomförs i alla välfärdsområden utom {_join(names, 'och')}."
    return (
        f"Projects are carried out in all wellbeing services counties except {_join(names, 'and')}."
    )


def busiest_sentence(rows: list[dict], language: str = "fi", top: int = 2) -> str:
    """Where most implementers and partners are, by name and count (no case forms needed)."""
    ranked = sorted(
        (r for r in rows if r["implementers"] + r["partners"]),
        key=lambda r: (-(r["implementers"] + r["partners"]), r["short_name"]),
    )[:top]
    if not ranked:
        return ""
    parts = [f"{r['short_name']} ({r['implementers'] + r['partners']})" for r in ranked]
    lead = {
        "fi": "Eniten toteuttajia ja yhteistyökumppaneita",
        "sv": "Flest genomförare och samarbetspartner",
        "en": "Most implementers and partners",
    }[language]
    conj = {"fi": "ja", "sv": "och", "en": "and"}[language]
    return f"{lead}: {_join(parts, conj)}."
