"""The map ships with the package: every region has a tile, a place and a partitive name."""

import pytest

from hankesalkku.insights.tilemap import PARTITIVE, TILE_GRID, coverage_sentence
from hankesalkku.organisations.models import Region


@pytest.mark.django_db
def test_every_region_has_one_tile_and_a_partitive_form():
    slugs = set(Region.objects.values_list("slug", flat=True))
    assert len(slugs) == 23
    assert set(TILE_GRID) == slugs
    assert set(PARTITIVE) == slugs
    assert len(set(TILE_GRID.values())) == 23


def test_the_map_resembles_finland():
    assert TILE_GRID["lappi"][1] == 0
    assert TILE_GRID["ahvenanmaa"][0] == 0
    bottom = max(y for _x, y in TILE_GRID.values())
    assert TILE_GRID["helsinki"][1] == bottom
    assert all(TILE_GRID[s][1] >= bottom - 1 for s in ("lansi-uusimaa", "ita-uusimaa"))


def rows(uncovered, all_slugs=tuple(TILE_GRID)):
    return [
        {
            "slug": s,
            "short_name": s.title(),
            "implementers": 0 if s in uncovered else 1,
            "partners": 0,
        }
        for s in all_slugs
    ]


@pytest.mark.parametrize(
    ("uncovered", "expected"),
    [
        ((), "Hankkeita toteutetaan kaikkien hyvinvointialueiden alueilla ja Ahvenanmaalla."),
        (
            ("kanta-hame",),
            "Hankkeita toteutetaan kaikkien hyvinvointialueiden alueilla "
            "Kanta-Hämettä lukuun ottamatta.",
        ),
        (
            ("kanta-hame", "ahvenanmaa"),
            "Hankkeita toteutetaan kaikkien hyvinvointialueiden "
            "alueilla Kanta-Hämettä ja Ahvenanmaata lukuun ottamatta.",
        ),
        (
            ("lappi", "ita-uusimaa", "helsinki"),
            "Hankkeita toteutetaan kaikkien "
            "hyvinvointialueiden alueilla Lappia, Itä-Uuttamaata ja Helsinkiä lukuun ottamatta.",
        ),
    ],
)
def test_the_coverage_sentence_names_the_exceptions_in_the_partitive(uncovered, expected):
    ordered = [s for s in TILE_GRID if s in uncovered]
    sentence = coverage_sentence(
        rows(uncovered, tuple(ordered) + tuple(s for s in TILE_GRID if s not in uncovered))
    )
    assert sentence == expected


def test_when_most_regions_are_empty_the_sentence_names_the_covered_ones():
    covered = ("helsinki", "lappi")
    sentence = coverage_sentence(rows([s for s in TILE_GRID if s not in covered]))
    assert sentence == "Hankkeita toteutetaan 2 alueella: Lappi ja Helsinki."
