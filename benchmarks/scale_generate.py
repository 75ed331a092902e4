"""A national-scale portfolio in minutes: project entities generated inside PostgreSQL.

The ORM generator of `overview_benchmark.py` needs about an hour per million entities; this one
writes the same distributions with `generate_series` in a handful of INSERT … SELECT statements:
half single-implementer and half group projects (2–5 implementers), one partner each, 1–4
sectors, one funding ministry (two for 15 %), statuses weighted six to one towards the funded
ones, eight calls of one theme, 3 000 organisations of every type in random regions (every
50th without one), implementers' parts of 50 000–900 000 € with 75 % support. Then it builds the
per-entity summary and runs ANALYZE.

    DATABASE_URL=postgres://postgres@127.0.0.1:55433/bench python benchmarks/scale_generate.py \
        --entities 1500000

PostgreSQL only (SQLite has no generate_series); use a database of its own.
"""

from __future__ import annotations

import argparse
import sys
import time

from overview_benchmark import setup_django

ORGANISATIONS = 3000


def reference_rows():
    """The programme, theme, calls, ministries and organisations, through the ORM (few rows)."""
    import random

    from hankesalkku.organisations.models import Organisation, OrganisationType, Region
    from hankesalkku.programmes.models import Call, Programme, ProgrammeKind, Theme

    rng = random.Random(4)
    programme = Programme.objects.create(
        slug="bench-ohjelma", name="Suorituskykyohjelma", kind=ProgrammeKind.EU_PROGRAMME
    )
    theme = Theme.objects.create(slug="bench-teema", name="Suorituskykyteema", programme=programme)
    calls = [
        Call.objects.create(
            slug=f"bench-haku-{i}", name=f"Suorituskykyhaku {i}", programme=programme, theme=theme
        )
        for i in range(8)
    ]
    ministries = [
        Organisation.objects.create(
            slug=f"bench-{a.lower()}",
            name=f"Ministeriö {a}",
            abbreviation=a,
            organisation_type=OrganisationType.STATE_AGENCY,
        )
        for a in ("BOKM", "BSTM")
    ]
    regions = list(Region.objects.all())
    types = [t for t, _label in OrganisationType.choices]
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                slug=f"bench-org-{i}",
                name=f"Organisaatio {i}",
                organisation_type=rng.choice(types),
                region=rng.choice(regions) if i % 50 else None,
            )
            for i in range(ORGANISATIONS)
        ],
        batch_size=1000,
    )
    return theme, calls, ministries, [o.pk for o in organisations]


STEPS = [
    (
        "entities",
        """
        INSERT INTO projects_projectentity (slug, name, acronym, project_code, kind, status,
            period_years_only, target_groups, description, total_cost_qualifier,
            support_qualifier, is_illustrative, call_id, theme_id, version)
        SELECT 'bench-' || g, 'Hanke ' || lpad(g::text, 7, '0'), '', '',
               CASE WHEN g %% 2 = 1 THEN 'group' ELSE 'single' END,
               (%(statuses)s::text[])[1 + floor(random() * cardinality(%(statuses)s::text[]))::int],
               false, '', '', 'exact', 'exact', false,
               (%(calls)s::bigint[])[1 + floor(random() * cardinality(%(calls)s::bigint[]))::int], %(theme)s, 1
        FROM generate_series(0, %(n)s - 1) g
        """,
    ),
    (
        "applications",
        """
        INSERT INTO projects_application (role, status, code, total_cost, total_cost_qualifier, support,
            support_qualifier, own_financing, own_financing_qualifier,
            municipal_financing_qualifier, other_public_financing_qualifier,
            private_financing_qualifier, is_illustrative, organisation_id, entity_id, version)
        SELECT 'implementer', 'submitted', '', m.t, 'exact', round(m.t * 0.75, 2), 'exact',
               m.t - round(m.t * 0.75, 2), 'exact', 'exact', 'exact', 'exact', false,
               %(org0)s + (e.r + k * 997) %% %(orgs)s, e.id, 1
        FROM (SELECT id, floor(random() * %(orgs)s)::int AS r,
                     CASE WHEN kind = 'single' THEN 1 ELSE 2 + floor(random() * 4)::int END AS n
              FROM projects_projectentity WHERE slug LIKE 'bench-%%') e
        CROSS JOIN LATERAL generate_series(1, e.n) k
        CROSS JOIN LATERAL (SELECT (50000 + floor(random() * 850000) + 0 * k)::numeric AS t) m
        """,
    ),
    (
        "partners",
        """
        INSERT INTO projects_partner (description, is_illustrative, organisation_id, entity_id)
        SELECT '', false, %(org0)s + floor(random() * %(orgs)s)::int, id
        FROM projects_projectentity WHERE slug LIKE 'bench-%%'
        ON CONFLICT DO NOTHING
        """,
    ),
    (
        "sectors",
        """
        INSERT INTO projects_projectentity_sectors (projectentity_id, sector_id)
        SELECT e.id, (%(sectors)s::bigint[])[1 + (e.r + k) %% cardinality(%(sectors)s::bigint[])]
        FROM (SELECT id, floor(random() * 100)::int AS r, 1 + floor(random() * 4)::int AS n
              FROM projects_projectentity WHERE slug LIKE 'bench-%%') e
        CROSS JOIN LATERAL generate_series(1, e.n) k
        """,
    ),
    (
        "ministries",
        """
        INSERT INTO projects_projectentity_funding_ministries (projectentity_id, organisation_id)
        SELECT e.id, m
        FROM (SELECT id, random() AS r FROM projects_projectentity
              WHERE slug LIKE 'bench-%%') e
        CROSS JOIN LATERAL unnest(CASE WHEN e.r < 0.15 THEN %(ministries)s::bigint[]
                                       WHEN e.r < 0.575 THEN (%(ministries)s::bigint[])[1:1]
                                       ELSE (%(ministries)s::bigint[])[2:2] END) m
        """,
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import connection, transaction

    from hankesalkku.insights.summary import rebuild_summaries
    from hankesalkku.programmes.models import Sector
    from hankesalkku.projects.models import ProjectEntity, ProjectStatus

    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only: set DATABASE_URL=postgres://…")
    call_command("migrate", verbosity=0)
    if ProjectEntity.objects.filter(slug__startswith="bench-").exists():
        sys.exit("The database already holds a benchmark portfolio; use a fresh database.")
    started = time.perf_counter()
    with transaction.atomic():
        theme, calls, ministries, organisations = reference_rows()
        statuses = [
            s for s in ProjectStatus.values for _ in range(6 if s in ProjectStatus.funded() else 1)
        ]
        params = {
            "n": args.entities,
            "statuses": statuses,
            "calls": [c.pk for c in calls],
            "theme": theme.pk,
            "org0": min(organisations),
            "orgs": ORGANISATIONS,
            "sectors": list(Sector.objects.values_list("pk", flat=True)),
            "ministries": [m.pk for m in ministries],
        }
        assert max(organisations) - min(organisations) == ORGANISATIONS - 1
        with connection.cursor() as cursor:
            # The rows are consistent by construction: checking each of ten million foreign
            # keys at COMMIT would take longer than writing them (throwaway database, superuser).
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute("SELECT setseed(0.4)")
            for label, sql in STEPS:
                step = time.perf_counter()
                cursor.execute(sql, params)
                print(f"{label:<14} {cursor.rowcount:>10} rows {time.perf_counter() - step:7.1f} s")
    step = time.perf_counter()
    rows = rebuild_summaries()
    print(f"{'summary':<14} {rows:>10} rows {time.perf_counter() - step:7.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {args.entities} entities in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
