"""Reference geography that ships with the product: 21 wellbeing services counties, the City of
Helsinki (which carries their tasks in its own area) and Åland (outside the reform).

Loaded by a data migration so every database, the tests' included, has the same map units.
"""

import csv
from pathlib import Path

CSV_PATH = Path(__file__).parent / "data" / "wellbeing_services_counties.csv"

# Short names for maps and tables; the CSV gives the maakunta, which Uusimaa's counties share.
SHORT_NAMES = {
    "Itä-Uudenmaan hyvinvointialue": ("Itä-Uusimaa", "Östra Nyland", "ita-uusimaa"),
    "Keski-Uudenmaan hyvinvointialue": ("Keski-Uusimaa", "Mellersta Nyland", "keski-uusimaa"),
    "Länsi-Uudenmaan hyvinvointialue": ("Länsi-Uusimaa", "Västra Nyland", "lansi-uusimaa"),
    "Vantaan ja Keravan hyvinvointialue": ("Vantaa-Kerava", "Vanda-Kervo", "vantaa-kerava"),
    "Helsingin kaupunki": ("Helsinki", "Helsingfors", "helsinki"),
}

ALIASES = {
    "Itä-Uudenmaan hyvinvointialue": ["Itä-Uusimaan hyvinvointialue"],
    "Keski-Uudenmaan hyvinvointialue": ["Keski-Uusimaan hyvinvointialue"],
    "Länsi-Uudenmaan hyvinvointialue": ["Länsi-Uusimaan hyvinvointialue"],
    "Vantaan ja Keravan hyvinvointialue": [
        "Vantaa-Keravan hyvinvointialue",
        "Vanda-Kervo välfärdsområde",
    ],
}

SLUGS = {
    "Varsinais-Suomi": "varsinais-suomi",
    "Satakunta": "satakunta",
    "Kanta-Häme": "kanta-hame",
    "Pirkanmaa": "pirkanmaa",
    "Päijät-Häme": "paijat-hame",
    "Kymenlaakso": "kymenlaakso",
    "Etelä-Karjala": "etela-karjala",
    "Etelä-Savo": "etela-savo",
    "Pohjois-Savo": "pohjois-savo",
    "Pohjois-Karjala": "pohjois-karjala",
    "Keski-Suomi": "keski-suomi",
    "Etelä-Pohjanmaa": "etela-pohjanmaa",
    "Pohjanmaa": "pohjanmaa",
    "Keski-Pohjanmaa": "keski-pohjanmaa",
    "Pohjois-Pohjanmaa": "pohjois-pohjanmaa",
    "Kainuu": "kainuu",
    "Lappi": "lappi",
}


def region_rows() -> list[dict]:
    rows = []
    with CSV_PATH.open(encoding="utf-8") as handle:
        for order, row in enumerate(csv.DictReader(handle), start=1):
            short = SHORT_NAMES.get(row["name_fi"])
            if short:
                short_fi, short_sv, slug = short
            else:
                short_fi, short_sv, slug = (
                    row["region_fi"],
                    row["region_sv"],
                    SLUGS[row["region_fi"]],
                )
            rows.append(
                {
                    "slug": slug,
                    "name": row["name_fi"],
                    "name_sv": row["name_sv"],
                    "short_name": short_fi,
                    "short_name_sv": short_sv,
                    "kind": "helsinki" if slug == "helsinki" else "wellbeing_county",
                    "maakunta": row["region_fi"],
                    "maakunta_sv": row["region_sv"],
                    "aliases": "\n".join(ALIASES.get(row["name_fi"], [])),
                    "order": order,
                }
            )
    rows.append(
        {
            "slug": "ahvenanmaa",
            "name": "Ahvenanmaa",
            "name_sv": "Åland",
            "short_name": "Ahvenanmaa",
            "short_name_sv": "Åland",
            "kind": "aland",
            "maakunta": "Ahvenanmaa",
            "maakunta_sv": "Åland",
            "aliases": "Åland",
            "order": len(rows) + 1,
        }
    )
    return rows


def load_regions(region_model) -> None:
    for row in region_rows():
        region_model.objects.update_or_create(slug=row["slug"], defaults=row)
