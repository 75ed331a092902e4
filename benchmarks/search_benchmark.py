"""How fast is search on a national-scale portfolio?

Generates project entities (default 100 000) with Finnish names, target groups and
descriptions drawn from a vocabulary of inflected and compound words, indexes them as the
services do (the same analysis, the same FTS5 table or GIN index), then times queries as the
public runs them (drafts filtered in the database) and prints p50/p95/max.

    python benchmarks/search_benchmark.py                         # temporary SQLite
    DATABASE_URL=postgres://user@127.0.0.1:5432/bench python benchmarks/search_benchmark.py
    python benchmarks/search_benchmark.py --entities 20000 --queries 200
    python benchmarks/search_benchmark.py --entities 100000 --copies 15  # 1.5 M entries

`--copies K` copies the generated entries in SQL until the index holds K times as many: the
search reads only its index, so a national-scale index needs no national-scale projects, and
copying takes minutes where generating 1.5 M projects through the ORM takes most of an hour.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time

from overview_benchmark import setup_django

WORDS = [
    "lasten",
    "nuorten",
    "perheiden",
    "palveluiden",
    "kehittäminen",
    "hyvinvoinnin",
    "edistäminen",
    "yhdenvertaisuutta",
    "kulttuuripalvelujen",
    "kulttuurin",
    "harrastusten",
    "harrastustoimintaan",
    "osallisuutta",
    "osallisuuden",
    "sosiaaliseen",
    "kuntoutukseen",
    "työttömille",
    "työllistymistä",
    "neuvolan",
    "koulun",
    "varhaiskasvatuksen",
    "perusopetuksen",
    "opiskeluhuollon",
    "mielenterveyden",
    "vanhemmuuden",
    "tukea",
    "arjen",
    "lapsiperheille",
    "maahanmuuttajien",
    "monikulttuuristen",
    "yhteistyötä",
    "verkoston",
    "toimintamallin",
    "ryhmätoimintojen",
    "liikunnan",
    "kirjastojen",
    "nuorisotyön",
    "etsivän",
    "syrjäytymisen",
    "ehkäisy",
    "digitaalisten",
    "taitojen",
    "vahvistaminen",
    "alueellisen",
    "kaupunginosien",
    "asukkaiden",
    "järjestöjen",
    "seurakuntien",
    "hyvinvointialueen",
]  # noqa: SIM905 - a sentence reads better than a list of fifty strings
QUERIES = (
    "kulttuuripalveluja",
    "sosiaalinen kuntoutus",
    "lapsiperheiden palvelut",
    "nuorisotyö",
    "harrastuksiin",
    "varhaiskasvatukseen",
    "mielenterveys nuoret",
    "kirjastoissa",
    "työllistyminen",
    "syrjäytymistä ehkäisevä",
    "digitaaliset taidot",
    "Annantalo",
    "!!!",
    "kulttuuri" * 1000,
)


def generate(entities: int, seed: int = 7) -> None:
    from django.db import transaction

    from hankesalkku.projects.models import ProjectEntity, ProjectKind, ProjectStatus
    from hankesalkku.search.models import EntryKind, SearchEntry
    from hankesalkku.search.records import Indexed
    from hankesalkku.search.services import analysed, fts_rows
    from hankesalkku.search.visibility import entry_tags

    rng = random.Random(seed)
    statuses = [ProjectStatus.IN_IMPLEMENTATION] * 8 + [ProjectStatus.PLANNED] * 2
    batch = 5000
    for start in range(0, entities, batch):
        with transaction.atomic():
            rows = []
            for n in range(start, min(entities, start + batch)):
                name = " ".join(rng.sample(WORDS, 5)).capitalize() + f" {n}"
                rows.append(
                    ProjectEntity(
                        slug=f"bench-{n}",
                        name=name,
                        kind=ProjectKind.SINGLE,
                        status=rng.choice(statuses),
                        target_groups=" ".join(rng.sample(WORDS, 6)),
                        description=" ".join(rng.choices(WORDS, k=40)),
                    )
                )
            created = ProjectEntity.objects.bulk_create(rows)
            entries = [
                SearchEntry(
                    kind=EntryKind.PROJECT,
                    object_id=e.pk,
                    title=e.name,
                    body=f"{e.description}\n{e.target_groups}",
                    lemmas=analysed(
                        Indexed(title=e.name, url="", body=[e.description, e.target_groups])
                    ),
                    url=f"/hankkeet/{e.slug}/",
                )
                for e in created
            ]
            for entry, entity in zip(entries, created, strict=True):
                entry.tags = entry_tags(EntryKind.PROJECT, entity, None)
            fts_rows(SearchEntry.objects.bulk_create(entries))
        print(f"  {min(entities, start + batch)} / {entities}", flush=True)


def copy_entries(copies: int) -> None:
    """The entries there are, copied `copies - 1` more times (object ids shifted, so the index's
    unique key holds), with SQLite's FTS5 rows beside them."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT max(id), max(object_id) FROM search_searchentry")
        last_id, last_object = cursor.fetchone()
        for copy in range(1, copies):
            cursor.execute(
                "INSERT INTO search_searchentry (kind, object_id, title, body, lemmas, year, tags, "
                "url) SELECT kind, object_id + %s, title, body, lemmas, year, tags, url "
                "FROM search_searchentry WHERE id <= %s ORDER BY id",
                [copy * last_object, last_id],
            )
            print(f"  copy {copy + 1} / {copies}", flush=True)
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO search_fts (rowid, lemmas) SELECT id, lemmas "
                "FROM search_searchentry WHERE id > %s",
                [last_id],
            )
            cursor.execute(
                "INSERT INTO search_fts_meta (id, kind, year, tags) "
                "SELECT id, kind, year, ' ' || tags || ' ' FROM search_searchentry WHERE id > %s",
                [last_id],
            )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchentry")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=280)
    parser.add_argument(
        "--copies", type=int, default=1, help="copy the entries in SQL until K times as many"
    )
    args = parser.parse_args()
    setup_django()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection

    from hankesalkku.projects.models import ProjectEntity
    from hankesalkku.search.query import search

    call_command("migrate", verbosity=0)
    if not ProjectEntity.objects.filter(slug__startswith="bench-").exists():
        began = time.perf_counter()
        generate(args.entities)
        print(f"generated and indexed {args.entities} in {time.perf_counter() - began:.0f} s")
    from hankesalkku.search.models import SearchEntry

    if args.copies > 1 and SearchEntry.objects.count() < args.entities * args.copies:
        began = time.perf_counter()
        copy_entries(args.copies)
        print(f"copied to {args.copies}× in {time.perf_counter() - began:.0f} s")
    total = SearchEntry.objects.count()
    timings, cpu = [], []
    for n in range(args.queries):
        query = QUERIES[n % len(QUERIES)]
        began, began_cpu = time.perf_counter(), time.process_time()
        results = search(AnonymousUser(), query, page=1 + n % 3)
        timings.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        if n < len(QUERIES):
            print(f"  {query[:40]!r}: {results.total} hits, {timings[-1] * 1000:.0f} ms")

    def figures(values):
        values = sorted(values)
        p95 = values[int(len(values) * 0.95) - 1]
        return (
            f"p50 {statistics.median(values) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {values[-1] * 1000:.0f} ms"
        )

    # On a shared machine the wall clock also counts the time other processes held the cores;
    # the CPU time is what a query costs with a core to itself (SQLite runs in this process).
    load = os.getloadavg()[0]
    print(f"{connection.vendor}, {total} entries, {len(timings)} queries, load {load:.1f}:")
    print(f"  wall {figures(timings)}")
    print(f"  cpu  {figures(cpu)}")


if __name__ == "__main__":
    main()
