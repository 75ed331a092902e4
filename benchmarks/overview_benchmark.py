"""How fast is the overview on a national-scale portfolio?

Generates a portfolio of project entities (default 100 000, with about 2.5 applications, one
partner, 2.5 sectors and 1.1 ministries each) into the database named by DATABASE_URL (default:
a temporary SQLite file), then times the overview, the call funnel and every export, and prints
the figures. Running it again on the same database reuses the generated portfolio.

    python benchmarks/overview_benchmark.py                      # temporary SQLite
    DATABASE_URL=postgres://user@127.0.0.1:5432/bench python benchmarks/overview_benchmark.py
    python benchmarks/overview_benchmark.py --entities 10000 --skip-exports

Target: the overview under 1 s on PostgreSQL with 100 000 entities.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

BATCH = 5000


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        folder = Path(tempfile.mkdtemp(prefix="hankesalkku-bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("HANKESALKKU_DATA_DIR", tempfile.mkdtemp(prefix="hankesalkku-data-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hankesalkku.settings")
    # A benchmark is a local run on throwaway data, as the demo is: no production secret key.
    os.environ.setdefault("HANKESALKKU_DEMO", "1")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()


def generate(entities: int, seed: int = 4) -> None:
    from django.db import transaction

    from hankesalkku.organisations.models import Organisation, OrganisationType, Region
    from hankesalkku.programmes.models import Call, Programme, ProgrammeKind, Sector, Theme
    from hankesalkku.projects.models import (
        Application,
        Partner,
        ProjectEntity,
        ProjectKind,
        ProjectStatus,
    )

    rng = random.Random(seed)
    with transaction.atomic():
        programme = Programme.objects.create(
            slug="bench-ohjelma", name="Suorituskykyohjelma", kind=ProgrammeKind.EU_PROGRAMME
        )
        theme = Theme.objects.create(
            slug="bench-teema", name="Suorituskykyteema", programme=programme
        )
        calls = [
            Call.objects.create(
                slug=f"bench-haku-{i}",
                name=f"Suorituskykyhaku {i}",
                programme=programme,
                theme=theme,
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
                for i in range(3000)
            ],
            batch_size=BATCH,
        )
        sectors = list(Sector.objects.all())
        statuses = [s for s, _l in ProjectStatus.choices]
        weights = [1 if s not in ProjectStatus.funded() else 6 for s in statuses]
        made = 0
        while made < entities:
            size = min(BATCH, entities - made)
            batch = ProjectEntity.objects.bulk_create(
                [
                    ProjectEntity(
                        slug=f"bench-{made + i}",
                        name=f"Hanke {made + i:06d}",
                        kind=ProjectKind.GROUP if (made + i) % 2 else ProjectKind.SINGLE,
                        status=rng.choices(statuses, weights)[0],
                        call=rng.choice(calls),
                        theme=theme,
                    )
                    for i in range(size)
                ]
            )
            apps, partners, links_s, links_m = [], [], [], []
            for entity in batch:
                count = 1 if entity.kind == ProjectKind.SINGLE else rng.randint(2, 5)
                for org in rng.sample(organisations, count + 1)[:count]:
                    total = Decimal(rng.randrange(50_000, 900_000))
                    support = (total * Decimal("0.75")).quantize(Decimal("0.01"))
                    apps.append(
                        Application(
                            entity=entity,
                            organisation=org,
                            role="implementer",
                            total_cost=total,
                            support=support,
                            own_financing=total - support,
                        )
                    )
                partners.append(Partner(entity=entity, organisation=rng.choice(organisations)))
                for sector in rng.sample(sectors, rng.randint(1, 4)):
                    links_s.append(
                        ProjectEntity.sectors.through(projectentity=entity, sector=sector)
                    )
                chosen = ministries if rng.random() < 0.15 else [rng.choice(ministries)]
                for ministry in chosen:
                    links_m.append(
                        ProjectEntity.funding_ministries.through(
                            projectentity=entity, organisation=ministry
                        )
                    )
            Application.objects.bulk_create(apps, batch_size=BATCH)
            Partner.objects.bulk_create(partners, batch_size=BATCH)
            ProjectEntity.sectors.through.objects.bulk_create(links_s, batch_size=BATCH)
            ProjectEntity.funding_ministries.through.objects.bulk_create(links_m, batch_size=BATCH)
            made += size
            print(f"  {made} / {entities}", end="\r", flush=True)
    print()


def timed(label: str, function, repeat: int = 1):
    best, result = None, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label:<48} {best * 1000:9.0f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--skip-exports", action="store_true")
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import OperationalError, connection

    from hankesalkku.insights.exports import export_overview
    from hankesalkku.insights.funnel import build_funnel
    from hankesalkku.insights.overview import build_overview
    from hankesalkku.insights.selection import Selection
    from hankesalkku.projects.models import Application, ProjectEntity

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    try:
        connection.ensure_connection()
    except OperationalError as error:
        sys.exit(f"Cannot open the benchmark database ({error}). Create it first, e.g. createdb.")
    call_command("migrate", verbosity=0)
    existing = ProjectEntity.objects.filter(slug__startswith="bench-").count()
    if existing < args.entities:
        if existing:
            sys.exit("The database holds a smaller benchmark portfolio; use a fresh database.")
        start = time.perf_counter()
        generate(args.entities)
        print(f"generated in {time.perf_counter() - start:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"entities {ProjectEntity.objects.count()}, applications {Application.objects.count()}")

    theme = Selection.from_params({"theme": "bench-teema"})
    narrow = Selection.from_params(
        {"theme": "bench-teema", "ministry": "BSTM", "region": "keski-suomi", "status": "kaikki"}
    )
    overview = timed("overview, whole theme (best of 3)", lambda: build_overview(theme), 3)
    timed("overview, ministry + region + all statuses", lambda: build_overview(narrow), 3)
    timed("call funnel, whole theme", lambda: build_funnel(theme), 3)
    print(
        f"  entities {overview['entities']} (single {overview['entities_single']}, group "
        f"{overview['entities_group']}), implementers {overview['implementers']}, partners "
        f"{overview['partners']}"
    )
    print(f"  by ministry {overview['by_ministry']}")
    print(
        f"  financing total {overview['financing']['total_cost']} support "
        f"{overview['financing']['support']} rate {overview['financing']['support_rate']}"
    )
    print(f"  {overview['regions_sentence']}")
    if args.skip_exports:
        return
    for fmt in ("json", "pptx", "pdf", "xlsx"):
        exported = timed(f"export {fmt}, whole theme", lambda f=fmt: export_overview(theme, f))
        print(f"  {len(exported.content) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
