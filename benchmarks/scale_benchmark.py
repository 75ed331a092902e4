"""National scale, measured: lists, the API's lists, the overview beside hand-written SQL, and a
100 000-row XLSX.

Run against a portfolio made by `scale_generate.py` (PostgreSQL):

    DATABASE_URL=postgres://postgres@127.0.0.1:55433/bench python benchmarks/scale_benchmark.py

Lists go through Django's test client in this process (the whole request: middleware,
view, template), anonymous, one warm-up and then `--requests` times each, and print p50/p95,
in a process whose heap is settled as a serving worker's. The overview is timed beside
hand-written SQL that computes the same figures (entities by kind, implementers and partners
with their distinct organisations, financing sums, regions, organisation types, ministry
combinations, sectors and branches) for the same selection, over the tables and over the
summary's counting columns (best of `--repeat`) and over the per-cell pre-aggregates where they
serve the selection (alternating with the product, best of three times `--repeat`), and the
ratio of the product to the fastest of them is printed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from overview_benchmark import setup_django

HAND_SQL = {
    # The selection, once, as the fastest query a person would write for it.
    "theme": """
        SELECT e.id, e.kind FROM projects_projectentity e
        LEFT JOIN programmes_call c ON c.id = e.call_id
        WHERE (e.theme_id = %(theme)s OR c.theme_id = %(theme)s) AND e.status = ANY(%(funded)s)
    """,
    "ministry_region": """
        SELECT e.id, e.kind FROM projects_projectentity e
        LEFT JOIN programmes_call c ON c.id = e.call_id
        WHERE (e.theme_id = %(theme)s OR c.theme_id = %(theme)s)
          AND EXISTS (SELECT 1 FROM projects_projectentity_funding_ministries m
                      WHERE m.projectentity_id = e.id AND m.organisation_id = %(ministry)s)
          AND (EXISTS (SELECT 1 FROM projects_application a
                       JOIN organisations_organisation o ON o.id = a.organisation_id
                       WHERE a.entity_id = e.id AND o.region_id = %(region)s)
               OR EXISTS (SELECT 1 FROM projects_partner p
                       JOIN organisations_organisation o ON o.id = p.organisation_id
                       WHERE p.entity_id = e.id AND o.region_id = %(region)s))
    """,
}
# Every figure the overview shows, for the selection: the entities by kind, implementers and
# partners with their distinct organisations, the six financing sums, the implementers' and
# partners' regions, the implementers' organisation types, the ministry combinations, the
# sectors and the administrative-branch combinations. (The headline figures alone are less
# work than the overview does, and a ratio to them would not compare like with like.)
FIGURES = """
WITH sel AS MATERIALIZED ({selection}),
apps AS MATERIALIZED (
    SELECT a.organisation_id, o.region_id, o.organisation_type, count(*) n,
           sum(a.total_cost) total_cost, sum(a.support) support, sum(a.own_financing) own,
           sum(a.municipal_financing) municipal, sum(a.other_public_financing) other_public,
           sum(a.private_financing) private
    FROM projects_application a JOIN sel ON sel.id = a.entity_id
    JOIN organisations_organisation o ON o.id = a.organisation_id
    GROUP BY 1, 2, 3),
partners AS MATERIALIZED (
    SELECT p.organisation_id, o.region_id, count(*) n
    FROM projects_partner p JOIN sel ON sel.id = p.entity_id
    JOIN organisations_organisation o ON o.id = p.organisation_id
    GROUP BY 1, 2),
ministries AS (
    SELECT flags, count(*) n FROM (
        SELECT m.projectentity_id, string_agg(m.organisation_id::text, '+'
               ORDER BY m.organisation_id) flags
        FROM projects_projectentity_funding_ministries m JOIN sel ON sel.id = m.projectentity_id
        GROUP BY m.projectentity_id) per_entity GROUP BY flags),
sectors AS MATERIALIZED (
    SELECT ps.projectentity_id, ps.sector_id, s.branch_id
    FROM projects_projectentity_sectors ps JOIN sel ON sel.id = ps.projectentity_id
    JOIN programmes_sector s ON s.id = ps.sector_id)
SELECT (SELECT json_build_object('entities', count(*),
            'single', count(*) FILTER (WHERE kind = 'single'),
            'group', count(*) FILTER (WHERE kind = 'group')) FROM sel),
       (SELECT json_build_object('implementers', sum(n), 'organisations', count(*),
            'total_cost', sum(total_cost), 'support', sum(support), 'own', sum(own),
            'municipal', sum(municipal), 'other_public', sum(other_public),
            'private', sum(private)) FROM apps),
       (SELECT json_agg(r) FROM (SELECT region_id, sum(n) FROM apps GROUP BY 1) r),
       (SELECT json_agg(r) FROM (SELECT organisation_type, sum(n) FROM apps GROUP BY 1) r),
       (SELECT json_build_object('partners', sum(n), 'organisations', count(*)) FROM partners),
       (SELECT json_agg(r) FROM (SELECT region_id, sum(n) FROM partners GROUP BY 1) r),
       (SELECT json_agg(ministries) FROM ministries),
       (SELECT json_agg(r) FROM (SELECT sector_id, count(*) FROM sectors GROUP BY 1) r),
       (SELECT json_agg(r) FROM (SELECT branches, count(*) FROM (
            SELECT array_agg(DISTINCT branch_id ORDER BY branch_id) branches FROM sectors
            GROUP BY projectentity_id) per_entity GROUP BY 1) r)
"""


# The same figures from the summary's counting columns (PostgreSQL): the fastest statement a
# person would write on today's schema, so the ratio is the product's overhead.
SUMMARY_WHERE = {
    "theme": "theme_id = %(theme)s AND status = ANY(%(funded)s)",
    "ministry_region": "theme_id = %(theme)s AND ministry_ids @> ARRAY[%(ministry)s]::bigint[] "
    "AND region_ids @> ARRAY[%(region)s]::bigint[]",
}
SUMMARY_FIGURES = """
WITH sel AS MATERIALIZED (
    SELECT kind, implementers, partners, impl_regions, impl_types, impl_orgs, partner_regions,
           partner_orgs, ministry_ids, sector_ids, branch_ids, a_total_cost, a_support,
           a_own_financing, a_municipal_financing, a_other_public_financing,
           a_private_financing
    FROM insights_entitysummary WHERE {where})
SELECT (SELECT json_build_object('entities', count(*),
            'single', count(*) FILTER (WHERE kind = 'single'),
            'group', count(*) FILTER (WHERE kind = 'group'), 'implementers', sum(implementers),
            'partners', sum(partners), 'total_cost', sum(a_total_cost),
            'support', sum(a_support), 'own', sum(a_own_financing),
            'municipal', sum(a_municipal_financing),
            'other_public', sum(a_other_public_financing),
            'private', sum(a_private_financing)) FROM sel),
       (SELECT count(*) FROM (SELECT DISTINCT o FROM sel, unnest(impl_orgs) o) d),
       (SELECT count(*) FROM (SELECT DISTINCT o FROM sel, unnest(partner_orgs) o) d),
       (SELECT json_agg(r) FROM (SELECT unnest(impl_regions), count(*) FROM sel GROUP BY 1) r),
       (SELECT json_agg(r) FROM (SELECT unnest(impl_types), count(*) FROM sel GROUP BY 1) r),
       (SELECT json_agg(r) FROM (SELECT unnest(partner_regions), count(*) FROM sel GROUP BY 1) r),
       (SELECT json_agg(r) FROM (SELECT unnest(sector_ids), count(*) FROM sel GROUP BY 1) r),
       (SELECT json_agg(m) FROM (SELECT branch_ids, count(*) FROM sel GROUP BY 1) m),
       (SELECT json_agg(m) FROM (SELECT ministry_ids, count(*) FROM sel GROUP BY 1) m)
"""


# The same figures from the per-cell pre-aggregates (`insights.cells`), for the selections they
# serve: the fastest statement on today's schema for those.
CELLS_WHERE = {
    "theme": "theme_id = %(theme)s AND status = ANY(%(funded)s) AND region_id = 0 AND entities > 0",
    "ministry_region": "theme_id = %(theme)s AND ministry_ids @> ARRAY[%(ministry)s]::bigint[] "
    "AND region_id = %(region)s AND entities > 0",
}
CELLS_FIGURES = """
WITH c AS MATERIALIZED (SELECT * FROM insights_summarycell_v2 WHERE {where})
SELECT (SELECT json_build_object('entities', sum(entities), 'single', sum(single),
            'group', sum(grouped), 'implementers', sum(implementers),
            'partners', sum(partners), 'total_cost', sum(a_total_cost),
            'support', sum(a_support), 'own', sum(a_own_financing),
            'municipal', sum(a_municipal_financing),
            'other_public', sum(a_other_public_financing),
            'private', sum(a_private_financing)) FROM c),
       (SELECT count(*) FROM (SELECT DISTINCT k.item FROM insights_summarycellcount_v2 k
        JOIN c ON c.id = k.cell_id WHERE k.figure = 6 AND k.n > 0) d),
       (SELECT count(*) FROM (SELECT DISTINCT k.item FROM insights_summarycellcount_v2 k
        JOIN c ON c.id = k.cell_id WHERE k.figure = 7 AND k.n > 0) d),
       (SELECT json_agg(r) FROM (SELECT k.figure, k.item, sum(k.n)
        FROM insights_summarycellcount_v2 k JOIN c ON c.id = k.cell_id
        WHERE k.figure < 6 AND k.n > 0 GROUP BY 1, 2) r),
       (SELECT json_agg(m) FROM (SELECT ministry_ids, sum(entities) FROM c GROUP BY 1) m)
"""


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def time_requests(client, label: str, url: str, n: int) -> None:
    """Wall clock per request, and this process's CPU time (the request's Python: on a shared
    machine the wall clock is mostly waiting for a core). One request first, not counted: the
    first of a process compiles templates and fills caches, which a serving worker has done."""
    client.get(url)
    samples, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert response.status_code == 200, (url, response.status_code)
    p50, p95 = percentiles(samples)
    cpu50, cpu95 = percentiles(cpu)
    print(
        f"{label:<52} p50 {p50 * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms  "
        f"(Python CPU p50 {cpu50 * 1000:5.0f} / p95 {cpu95 * 1000:5.0f} ms)"
    )


def best_of(function, repeat: int) -> float:
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument(
        "--parts", default="pages,api,overview,xlsx", help="comma-separated: what to measure"
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    setup_django()
    from django.db import connection
    from django.test import Client

    from hankesalkku.operations.heap import settle_heap

    settle_heap()  # as `hankesalkku.wsgi` does in every serving worker

    from hankesalkku.core.pagination import encode_cursor
    from hankesalkku.projects.models import ProjectEntity

    total = ProjectEntity.objects.count()
    print(f"database: {connection.vendor}, {total} project entities")
    client = Client()
    call = "bench-haku-3"
    if "pages" in parts:
        middle = ProjectEntity.objects.order_by("summary__name", "pk").values_list(
            "summary__name", "pk"
        )[total // 2]
        pages(client, encode_cursor(list(middle)), call, args.requests)
    if "api" in parts:
        api(client, total, call, args.requests)
    if "overview" in parts:
        overview(args.repeat)
    if "xlsx" in parts:
        xlsx(args.xlsx_rows)


def pages(client, deep: str, call: str, n: int) -> None:
    time_requests(client, "/hankkeet/ first page", "/hankkeet/", n)
    time_requests(client, "/hankkeet/ deep page (middle)", f"/hankkeet/?after={deep}", n)
    time_requests(
        client,
        "/hankkeet/ sorted by support, descending",
        "/hankkeet/?sort=-support",
        n,
    )
    time_requests(
        client,
        "/hankkeet/ call + organisation type",
        f"/hankkeet/?call={call}&org_type=association",
        n,
    )
    time_requests(
        client,
        "/hankkeet/ ministry + region",
        "/hankkeet/?ministry=BSTM&region=keski-suomi",
        n,
    )
    time_requests(client, "/hankkeet/ totals (htmx request)", "/hankkeet/?totals=1", 5)
    time_requests(client, "/paatokset/ first page", "/paatokset/", n)


def api(client, total: int, call: str, n: int) -> None:
    from hankesalkku.core.pagination import encode_cursor
    from hankesalkku.projects.models import ProjectEntity

    api = "/api/v1/project-entities/"
    api_first = client.get(api, HTTP_ACCEPT="application/json").json()
    print(f"API count: {api_first['count']} (estimate: {api_first['count_is_estimate']})")
    time_requests(client, "API project entities, first page", api, n)
    deep_id = ProjectEntity.objects.order_by("pk").values_list("pk", flat=True)[total // 2]
    time_requests(
        client,
        "API project entities, deep page (middle)",
        f"{api}?after={encode_cursor([deep_id])}",
        n,
    )
    time_requests(client, "API project entities, sorted by support", f"{api}?sort=-support", n)
    time_requests(
        client,
        "API project entities, call + organisation type",
        f"{api}?call={call}&org_type=association",
        n,
    )
    time_requests(
        client,
        "API project entities, ministry + region",
        f"{api}?ministry=BSTM&region=keski-suomi",
        n,
    )
    time_requests(client, "API decisions, first page", "/api/v1/decisions/", n)


def overview(repeat: int) -> None:
    from django.db import connection

    from hankesalkku.insights.overview import build_overview
    from hankesalkku.insights.selection import Selection
    from hankesalkku.organisations.models import Organisation, Region
    from hankesalkku.programmes.models import Theme
    from hankesalkku.projects.models import ProjectStatus

    theme = Theme.objects.get(slug="bench-teema")
    ministry = Organisation.objects.get(slug="bench-bstm")
    region = Region.objects.get(slug="keski-suomi")
    params = {
        "theme": theme.pk,
        "ministry": ministry.pk,
        "region": region.pk,
        "funded": list(ProjectStatus.funded()),
    }
    selections = {
        "theme": Selection.from_params({"theme": "bench-teema"}),
        "ministry_region": Selection.from_params(
            {
                "theme": "bench-teema",
                "ministry": "BSTM",
                "region": "keski-suomi",
                "status": "kaikki",
            }
        ),
    }
    for key, selection in selections.items():

        def hand(key=key):
            with connection.cursor() as cursor:
                cursor.execute(FIGURES.format(selection=HAND_SQL[key]), params)
                cursor.fetchall()

        def hand_summary(key=key):
            with connection.cursor() as cursor:
                cursor.execute(SUMMARY_FIGURES.format(where=SUMMARY_WHERE[key]), params)
                cursor.fetchall()

        def hand_cells(key=key):
            with connection.cursor() as cursor:
                cursor.execute(CELLS_FIGURES.format(where=CELLS_WHERE[key]), params)
                cursor.fetchall()

        joined = best_of(hand, repeat)
        summary = best_of(hand_summary, repeat)
        # The product and the fastest statement take a fraction of a second: they alternate
        # three times as often, so that both meet the same caches and the same load.
        products, cells = [], []
        for _ in range(3 * repeat):
            products.append(best_of(lambda s=selection: build_overview(s), 1))
            if key in CELLS_WHERE:
                cells.append(best_of(hand_cells, 1))
        product, over_cells = min(products), min(cells, default=None)
        best = min(t for t in (joined, summary, over_cells) if t is not None)
        cells_text = f", over the cells {over_cells * 1000:7.0f} ms" if over_cells else ""
        print(
            f"overview {key:<43} {product * 1000:7.0f} ms  SQL over the tables "
            f"{joined * 1000:7.0f} ms, over the summary {summary * 1000:7.0f} ms{cells_text}  "
            f"ratio to the best {product / best:4.2f}"
        )


def xlsx(rows: int) -> None:
    from hankesalkku.insights.exports.tables import write_xlsx
    from hankesalkku.insights.lists import project_columns, project_rows
    from hankesalkku.projects.models import ProjectEntity

    entities = ProjectEntity.objects.filter(
        pk__in=ProjectEntity.objects.order_by("pk").values("pk")[:rows]
    )
    start, start_cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryFile() as handle:
        n = write_xlsx(
            handle,
            project_columns(),
            project_rows(entities, ["summary__name", "pk"], url_prefix="/hankkeet/"),
            title="Hankkeet",
        )
        size = handle.tell()
    print(
        f"XLSX of {n} projects (streaming SpreadsheetML writer)"
        f"{'':<6} {time.perf_counter() - start:7.2f} s, {size / 1e6:.1f} MB "
        f"(this process's CPU {time.process_time() - start_cpu:.2f} s)"
    )


if __name__ == "__main__":
    main()
