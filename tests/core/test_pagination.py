"""The one paginator: a list pages by numbers near the start and by cursor deeper, in a total
order; the count is exact below the threshold; a bad page, sort or cursor is a note, not an error."""

from decimal import Decimal

import pytest
from django.db import connection

from hankesalkku.core.pagination import (
    Column,
    Sorting,
    count_rows,
    decode_cursor,
    encode_cursor,
    paginate,
    round_estimate,
)
from hankesalkku.projects.models import ProjectEntity
from tests.factories import ApplicationFactory, ProjectEntityFactory

pytestmark = pytest.mark.django_db

SORTING = Sorting(
    [
        Column("name", "Nimi", ("summary__name",)),
        Column("support", "Tuki", ("summary__support",), nullable=True),
    ],
    default="name",
)


@pytest.fixture
def seven_projects():
    """Seven projects, two of them without a stated support (unknown, not zero)."""
    made = []
    for i, support in enumerate(["100", "300", None, "200", "300", None, "50"]):
        entity = ProjectEntityFactory.in_status_funded(name=f"Hanke {i}")
        if support is not None:
            ApplicationFactory(
                entity=entity,
                total_cost=Decimal(support) * 2,
                support=Decimal(support),
                own_financing=Decimal(support),
            )
        made.append(entity)
    return made


def walk(params, per_page=2):
    """Every row, following the cursor from the first page to the last."""
    seen, params = [], dict(params)
    while True:
        page = paginate(ProjectEntity.objects.all(), params, sorting=SORTING, per_page=per_page)
        seen += page.items
        if not page.next_cursor:
            return seen
        params["after"] = page.next_cursor


def test_following_next_visits_every_row_once_in_order(seven_projects):
    assert [e.name for e in walk({})] == [f"Hanke {i}" for i in range(7)]


def test_a_sort_with_unknown_values_keeps_them_last_both_ways_and_loses_none(seven_projects):
    ascending = [e.summary.support for e in walk({"sort": "support"})]
    descending = [e.summary.support for e in walk({"sort": "-support"})]
    assert ascending[:5] == sorted(ascending[:5]) and ascending[5:] == [None, None]
    assert descending[:5] == sorted(descending[:5], reverse=True) and descending[5:] == [None] * 2
    assert len(set(e.pk for e in walk({"sort": "-support"}))) == 7


def test_page_numbers_offset_and_the_count_is_exact_below_the_threshold(seven_projects):
    page = paginate(ProjectEntity.objects.all(), {"page": "2"}, sorting=SORTING, per_page=3)
    assert [e.name for e in page.items] == ["Hanke 3", "Hanke 4", "Hanke 5"]
    assert (page.count, page.count_is_estimate, page.page_count) == (7, False, 3)
    assert page.first_row() == 4 and page.numbers == [1, 2, 3]


def test_a_bad_page_sort_or_cursor_is_ignored_with_a_note(seven_projects):
    for params in ({"page": "kolme"}, {"page": "999999"}, {"sort": "salasana"}, {"after": "xx"}):
        page = paginate(ProjectEntity.objects.all(), params, sorting=SORTING, per_page=3)
        assert page.items[0].name == "Hanke 0"
        assert len(page.notes) == 1 and "ohitettiin" in page.notes[0]


def test_links_keep_the_selection_and_start_a_new_sort_from_the_first_page(seven_projects):
    params = {"call": "haku-1", "page": "2", "sort": "name"}
    page = paginate(ProjectEntity.objects.all(), params, sorting=SORTING, per_page=3)
    assert page.sort_query("name") == "?call=haku-1&sort=-name"
    assert page.sort_query("support") == "?call=haku-1&sort=support"
    assert page.next_query().startswith("?call=haku-1&sort=name&after=")


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL estimates above the threshold"
)
def test_the_count_stops_at_the_threshold_on_sqlite_counting_exactly(seven_projects):
    assert count_rows(ProjectEntity.objects.all(), threshold=3) == (7, False)
    assert round_estimate(1_498_213) == 1_500_000 and round_estimate(87) == 87


def test_a_selection_the_planner_expects_to_be_far_larger_is_not_counted(
    seven_projects, monkeypatch
):
    from django.test.utils import CaptureQueriesContext

    from hankesalkku.core import pagination

    monkeypatch.setattr(pagination, "estimate_rows", lambda queryset: 1_000_000)
    with CaptureQueriesContext(connection) as queries:
        assert count_rows(ProjectEntity.objects.all(), threshold=3) == (1_000_000, True)
    assert len(queries) == 0
    # Near the threshold the rows are counted: an estimate could be on its wrong side.
    monkeypatch.setattr(pagination, "estimate_rows", lambda queryset: 5)
    assert count_rows(ProjectEntity.objects.all(), threshold=3) == (5, True)
    assert count_rows(ProjectEntity.objects.all(), threshold=10) == (7, False)


def test_the_last_numbered_page_is_the_count_even_where_the_planner_expects_far_more(
    seven_projects, monkeypatch
):
    from hankesalkku.core import pagination

    monkeypatch.setattr(pagination, "estimate_rows", lambda queryset: 1_000_000)
    page = paginate(ProjectEntity.objects.all(), {}, sorting=SORTING, per_page=5, threshold=3)
    assert (page.count, page.count_is_estimate) == (1_000_000, True)  # more pages follow
    last = paginate(
        ProjectEntity.objects.all(), {"page": "2"}, sorting=SORTING, per_page=5, threshold=3
    )
    assert (last.count, last.count_is_estimate) == (7, False)
    beyond = paginate(
        ProjectEntity.objects.all(), {"page": "4"}, sorting=SORTING, per_page=5, threshold=3
    )
    assert beyond.items == [] and beyond.count_is_estimate  # counted, not guessed as 15


def test_a_cursor_is_plain_values_and_a_forged_one_is_refused():
    assert decode_cursor(encode_cursor(["Hanke", "12.50", None, 3]), 4) == [
        "Hanke",
        "12.50",
        None,
        3,
    ]
    assert decode_cursor(encode_cursor(["Hanke", 3]), 3) is None
    assert decode_cursor(encode_cursor([{"a": 1}]), 1) is None
