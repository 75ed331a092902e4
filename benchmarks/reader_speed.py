"""Documents read per second by the reader on one core.

Usage: .venv/bin/python benchmarks/reader_speed.py [--rounds 7] [--seconds 0.5]
       .venv/bin/python benchmarks/reader_speed.py --compare OTHER/src [--rounds 7]

Three sets: the seed decisions in ../shared/seeds/ (when present), the plain-text
evaluation documents, and synthetic 2-10 kB decisions glued together from the
evaluation decisions, so that a figure for typical decision sizes exists on a machine
without the seeds. The reader is single-threaded: the process is pinned to one CPU,
warmed up, and each set is read for several rounds. The figure is the median round,
in documents per CPU second (less disturbed by other work on a shared machine than
wall-clock time, which is shown alongside).

`--src DIR` reads with the reader of another checkout's `src/` (the documents are always
this checkout's). `--compare DIR` loads this reader and that one side by side and reads
each set with them alternately, one pass each in alternating order, so that a change in
the machine's load falls on both alike; it prints each version's median and range per
set and the ratios (`--rounds` passes each).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_PER_SECOND = 200
EVALUATION = REPO / "evaluation" / "reader" / "docs"
SEEDS = REPO.parent / "shared" / "seeds"
DECISION_KINDS = ("decision", "funding_decision", "agenda_item")

Docs = list[tuple[bytes, str]]


def _evaluation_texts() -> list[Path]:
    return sorted(EVALUATION.glob("*.txt"))


def synthetic_decisions(count: int = 24) -> Docs:
    """2-10 kB documents built from the evaluation decisions, the same on every run.

    Real minutes hold several decisions one after another; each synthetic document
    starts with one evaluation decision and appends others in a shuffled order until
    it reaches a size drawn between 2 and 10 kB, cut at a line break.
    """
    parts = []
    for path in _evaluation_texts():
        expected = path.with_name(path.name + ".expected.json")
        kind = json.loads(expected.read_text("utf-8")).get("kind") if expected.exists() else None
        if kind in DECISION_KINDS:
            parts.append(path.read_bytes().decode("utf-8", errors="replace").strip())
    docs = []
    for number in range(count):
        rng = random.Random(number)
        target = rng.randint(2 * 1024, 10 * 1024)
        text = ""
        while len(text.encode("utf-8")) < target:
            order = parts[:]
            rng.shuffle(order)
            text += "\n\n".join(order) + "\n\n"
        data = text.encode("utf-8")[:target]
        docs.append((data[: data.rfind(b"\n") + 1], f"synteettinen_{number:02d}.txt"))
    return docs


def corpora() -> dict[str, Docs]:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    sets = {
        "seed decisions": [(p.read_bytes(), p.name) for p in seeds],
        "evaluation texts": [(p.read_bytes(), p.name) for p in _evaluation_texts()],
        "synthetic 2-10 kB": synthetic_decisions(),
    }
    return {name: docs for name, docs in sets.items() if docs}


def pin_to_one_cpu() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def load_reader(src: Path):
    """``read_document`` of the reader in ``src``, imported afresh: a reader loaded before
    keeps its own modules (it has no imports at call time), so two can run side by side."""
    for name in [m for m in sys.modules if m == "hankesalkku" or m.startswith("hankesalkku.")]:
        del sys.modules[name]
    sys.path.insert(0, str(src))
    try:
        from hankesalkku.reader import read_document
    finally:
        sys.path.remove(str(src))
    return read_document


def measure(read_document, docs: Docs, rounds: int, seconds: float) -> tuple[float, float]:
    """Median documents per CPU second and per wall second over ``rounds`` rounds."""
    for data, name in docs:  # warm up: patterns compiled, district list loaded, caches hot
        read_document(data, name)
    cpu_rates, wall_rates = [], []
    for _ in range(rounds):
        count = 0
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        while time.perf_counter() - wall_start < seconds:
            for data, name in docs:
                read_document(data, name)
            count += len(docs)
        cpu_rates.append(count / max(time.process_time() - cpu_start, 1e-9))
        wall_rates.append(count / (time.perf_counter() - wall_start))
    return statistics.median(cpu_rates), statistics.median(wall_rates)


def load_average() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "-"


def compare(other: Path, rounds: int) -> None:
    """This reader and the one in ``other`` in one process, alternately one pass over a set
    each (in alternating order), so that a change in the machine's load falls on both alike."""
    readers = {"this": load_reader(REPO / "src"), "other": load_reader(other.resolve())}
    print(f"load average before: {load_average()}")
    results = {}
    for name, docs in corpora().items():
        rates: dict[str, list[float]] = {version: [] for version in readers}
        for read_document in readers.values():  # warm up: patterns compiled, caches hot
            for data, filename in docs:
                read_document(data, filename)
        for number in range(rounds):
            order = list(readers) if number % 2 == 0 else list(reversed(readers))
            for version in order:
                read_document, started = readers[version], time.process_time()
                for data, filename in docs:
                    read_document(data, filename)
                rates[version].append(len(docs) / max(time.process_time() - started, 1e-9))
        results[name] = rates
    print(f"load average after: {load_average()}")
    print(f"documents per CPU second, median (range) of {rounds} alternating passes; ratios")
    print("this / other: of the medians, of the best passes (the least disturbed by other work)")
    print(f"{'':<18}{'this':>20}{'other':>20}{'median':>8}{'best':>6}")
    for name, rates in results.items():
        mine, theirs = rates["this"], rates["other"]
        cells = [f"{statistics.median(r):.0f} ({min(r):.0f}-{max(r):.0f})" for r in (mine, theirs)]
        median = statistics.median(mine) / statistics.median(theirs)
        print(
            f"{name:<18}{cells[0]:>20}{cells[1]:>20}{median:>8.2f}{max(mine) / max(theirs):>6.2f}"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.5, help="length of one round")
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the reader's src/")
    parser.add_argument("--compare", type=Path, help="another checkout's src/ to compare with")
    args = parser.parse_args(argv)
    pinned = pin_to_one_cpu()
    if args.compare:
        print(f"one core: {pinned}")
        compare(args.compare, args.rounds)
        return 0
    read_document = load_reader(args.src.resolve())
    print(f"one core: {pinned}; median of {args.rounds} rounds of {args.seconds} s")
    print(f"load average: {load_average()}")
    slowest = float("inf")
    for name, docs in corpora().items():
        cpu_rate, wall_rate = measure(read_document, docs, args.rounds, args.seconds)
        slowest = min(slowest, cpu_rate)
        average_kb = sum(len(data) for data, _ in docs) / len(docs) / 1024
        print(
            f"{name:<18}{len(docs):>4} docs, average {average_kb:4.1f} kB: "
            f"{cpu_rate:6.0f} documents per CPU second (wall clock {wall_rate:5.0f}/s)"
        )
    print(f"target {TARGET_PER_SECOND} documents per CPU second on one core")
    return 0 if slowest >= TARGET_PER_SECOND else 1


if __name__ == "__main__":
    raise SystemExit(main())
