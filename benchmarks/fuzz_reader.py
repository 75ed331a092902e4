"""A long fuzz run over the reader and the parsers of outside input, in several processes.

Usage: .venv/bin/python benchmarks/fuzz_reader.py [--count 1000000] [--workers N] [--seed 1]
       [--only reader,amount,...] [--replay INDEX]

Why a script beside the property-based tests: `make test` gives each parser a few seconds
(tests/robustness); this gives them a million inputs, to run before a release or after a change
to the reader. Every input is made from its index and the seed alone (mutations of the
evaluation documents and of typical field values: flipped, inserted, repeated and cut bytes,
long digit runs, deep nesting, broken zips), so a failure is reproduced with `--replay INDEX`.
The promises checked are `tests/robustness/properties.py`, the same the tests check.

Prints inputs per second as it goes, and at the end the inputs, the failures (each with its
index, target, exception and the input's first bytes) and the time; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from fuzz_inputs import TARGETS, make_input  # noqa: E402

CHUNK = 2000


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hankesalkku.settings")
    os.environ.setdefault("HANKESALKKU_DEMO", "1")
    import django

    django.setup()
    import logging

    logging.disable(logging.CRITICAL)  # the reader logs what it refuses; millions of lines


def _worker_setup() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM
    _setup()


def _check(index: int, seed: int, only: tuple[str, ...]):
    """The target, and None or (index, target, error, input preview) for a broken promise."""
    from tests.robustness import properties

    target, args = make_input(index, seed, only)
    try:
        getattr(properties, target)(*args)
    except Exception as error:  # noqa: BLE001 - every failure is reported with its input
        preview = repr(args)[:300]
        detail = "".join(traceback.format_exception_only(error)).strip()[:500]
        return target, (index, target, detail, preview)
    return target, None


def _run_chunk(job: tuple[int, int, int, tuple[str, ...]]) -> tuple[Counter, list]:
    start, stop, seed, only = job
    counts: Counter = Counter()
    failures = []
    for index in range(start, stop):
        target, found = _check(index, seed, only)
        counts[target] += 1
        if found is not None:
            failures.append(found)
    return counts, failures


def _stop(signum, frame):
    """SIGTERM ends the run like Ctrl-C: with the summary of what was checked."""
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated targets: " + ",".join(TARGETS))
    parser.add_argument("--replay", type=int, help="check one input by its index and show it")
    options = parser.parse_args()
    only = tuple(t for t in options.only.split(",") if t) or TARGETS

    _setup()
    if options.replay is not None:
        target, args = make_input(options.replay, options.seed, only)
        print(f"input {options.replay}: {target}{args!r}"[:5000])
        _target, found = _check(options.replay, options.seed, only)
        print("ok" if found is None else f"FAILED: {found[2]}")
        return 0 if found is None else 1

    jobs = [
        (start, min(start + CHUNK, options.count), options.seed, only)
        for start in range(0, options.count, CHUNK)
    ]
    began, done, failures, last = time.monotonic(), 0, [], 0.0
    per_target: Counter = Counter()
    signal.signal(signal.SIGTERM, _stop)
    with multiprocessing.Pool(options.workers, initializer=_worker_setup) as pool:
        try:
            for counts, found in pool.imap_unordered(_run_chunk, jobs):
                done += sum(counts.values())
                per_target.update(counts)
                failures.extend(found)
                for f in found:
                    print(f"FAILED input {f[0]} ({f[1]}): {f[2]}\n  {f[3]}", flush=True)
                now = time.monotonic()
                if now - last > 30:
                    last = now
                    rate = done / (now - began)
                    print(f"{done} inputs, {rate:.0f}/s, {len(failures)} failures", flush=True)
        except KeyboardInterrupt:
            print("stopped before the end: the figures below count the inputs checked")
            pool.terminate()
    elapsed = time.monotonic() - began
    print(
        f"{done} inputs over {', '.join(only)} in {elapsed:.0f} s "
        f"({done / elapsed:.0f}/s, {options.workers} processes): {len(failures)} failures"
    )
    print("per target: " + ", ".join(f"{t} {n}" for t, n in sorted(per_target.items())))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
