"""NUTS 3 codes (NUTS 2021) of the regions (maakunta) the wellbeing services counties follow.

The list of operations needs a location for each operation; ours is the county, and a county's
area is a region's (Uusimaa's four counties and Helsinki all lie in Helsinki-Uusimaa, FI1B1).
"""

NUTS3_BY_REGION = {
    "helsinki": "FI1B1",
    "ita-uusimaa": "FI1B1",
    "keski-uusimaa": "FI1B1",
    "lansi-uusimaa": "FI1B1",
    "vantaa-kerava": "FI1B1",
    "varsinais-suomi": "FI1C1",
    "kanta-hame": "FI1C2",
    "paijat-hame": "FI1C3",
    "kymenlaakso": "FI1C4",
    "etela-karjala": "FI1C5",
    "keski-suomi": "FI193",
    "etela-pohjanmaa": "FI194",
    "pohjanmaa": "FI195",
    "satakunta": "FI196",
    "pirkanmaa": "FI197",
    "etela-savo": "FI1D1",
    "pohjois-savo": "FI1D2",
    "pohjois-karjala": "FI1D3",
    "keski-pohjanmaa": "FI1D5",
    "lappi": "FI1D7",
    "kainuu": "FI1D8",
    "pohjois-pohjanmaa": "FI1D9",
    "ahvenanmaa": "FI200",
}
MAINLAND_FINLAND = "FI1"
"""When nothing locates an operation more closely: NUTS 1 Manner-Suomi."""


def nuts_codes(regions) -> str:
    codes = sorted({NUTS3_BY_REGION[r.slug] for r in regions if r.slug in NUTS3_BY_REGION})
    return ";".join(codes) if codes else MAINLAND_FINLAND
