"""Write throughput: documents per second stored by `document_ingest`, reading included.

Each document is one service call in one transaction: the reader, the source document with its
original, the extraction, every extracted value and the audit trail. The documents are the
reader benchmark's synthetic 2–10 kB decisions, each made unique by a numbered line, so every
one is new. The reader alone is timed on the same documents too, which tells the database's
share. Writes go to a temporary SQLite file, or to DATABASE_URL (use a scratch database: the
documents stay there).

    .venv/bin/python benchmarks/ingest_throughput.py [--documents 300] [--processes 1]
    DATABASE_URL=postgres://user@127.0.0.1:5432/scratch .venv/bin/python benchmarks/ingest_throughput.py

With --processes N, N processes ingest their share at once (each its own connection): on
SQLite they take turns at the one write lock, on PostgreSQL they write side by side.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS.parent / "src"))
sys.path.insert(0, str(BENCHMARKS))


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        folder = Path(tempfile.mkdtemp(prefix="hankesalkku-ingest-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'ingest.sqlite3'}"
    os.environ.setdefault("HANKESALKKU_DATA_DIR", tempfile.mkdtemp(prefix="hankesalkku-data-"))
    os.environ.setdefault("HANKESALKKU_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hankesalkku.settings")
    import django

    django.setup()


def documents(count: int, offset: int = 0) -> list[tuple[bytes, str]]:
    from reader_speed import synthetic_decisions

    bases = synthetic_decisions()
    made = []
    for number in range(offset, offset + count):
        data, name = bases[number % len(bases)]
        stamp = f"\nAsiakirja n:o {number} / {os.getpid()} / {time.time_ns()}\n".encode()
        made.append((data + stamp, f"{number:05d}_{name}"))
    return made


def ingest(docs: list[tuple[bytes, str]]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, values stored) for storing `docs` one service call each."""
    from django.db import connection

    from hankesalkku.core.services import system_actor
    from hankesalkku.documents.services import document_ingest

    actor = system_actor("hankesalkku-ingest")
    values = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for data, name in docs:
        _document, extraction = document_ingest(actor=actor, data=data, filename=name)
        assert extraction.is_new
        values += extraction.value_count
    result = time.perf_counter() - wall, time.process_time() - cpu, values
    connection.close()
    return result


def _worker(arguments: tuple[int, int]) -> tuple[float, float, int]:
    count, offset = arguments
    setup_django()
    return ingest(documents(count, offset))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args(argv)
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from hankesalkku.reader import read_document

    call_command("migrate", verbosity=0)
    ingest(documents(5, offset=10**6))  # warm up: the actor, the caches, the reader
    print(f"{connection.vendor}, {args.documents} documents, {args.processes} process(es)")
    docs = documents(args.documents)
    started = time.perf_counter()
    for data, name in docs:
        read_document(data, name)
    reading = time.perf_counter() - started
    connection.close()
    if args.processes == 1:
        wall, cpu, values = ingest(docs)
    else:
        share = args.documents // args.processes
        jobs = [(share, 10**5 * (index + 1)) for index in range(args.processes)]
        started = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
            results = pool.map(_worker, jobs)
        wall = time.perf_counter() - started
        cpu = sum(result[1] for result in results)
        values = sum(result[2] for result in results)
    stored = args.documents if args.processes == 1 else share * args.processes
    print(
        f"stored {stored} documents ({values} extracted values) in {wall:.1f} s: "
        f"{stored / wall:.0f} documents/s, {values / wall:.0f} values/s "
        f"(this process's CPU {cpu:.1f} s)"
    )
    print(f"the reader alone, same documents, one process: {args.documents / reading:.0f}/s")


if __name__ == "__main__":
    main()
