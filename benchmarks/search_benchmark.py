"""How fast is search on a national-scale portfolio?

Generates project entities (default 100 000) with Finnish names, target groups and
descriptions drawn from a vocabulary of inflected and compound words, indexes them as the
services do (the same analysis, the same FTS5 table or GIN index), then times queries as the
public runs them (drafts filtered in the database) and prints p50/p95/max.

    python benchmarks/search_benchmark.py                         # temporary SQLite
    DATABASE_URL=postgres://user@127.0.0.1:5432/bench python benchmarks/search_benchmark.py
    python benchmarks/search_benchmark.py --entities 20000 --queries 200
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=280)
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
    total = ProjectEntity.objects.count()
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
    print(f"{connection.vendor}, {total} projects, {len(timings)} queries, load {load:.1f}:")
    print(f"  wall {figures(timings)}")
    print(f"  cpu  {figures(cpu)}")


if __name__ == "__main__":
    main()
