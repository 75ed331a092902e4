"""Field-level precision and recall of the document reader.

Usage: .venv/bin/python evaluation/reader/evaluate.py [-v] [--no-seeds] [--docs DIR]

Each document in docs/ has a <name>.expected.json beside it. The seeds in
../shared/seeds/ are included when that folder exists (expectations in
seeds.expected.json). A fact counts as found only when its value and role are
right; anything the reader produced that is not expected counts against
precision.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "src"))

from hankesalkku.reader import read_document  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
GROUPS = ("kind", "fields", "amounts", "organisations", "calls", "districts")


def _money(value) -> str:
    return f"{Decimal(str(value)):.2f}"


def _organisation(name: str) -> str:
    """An organisation's name as compared: in lower case, without the full stop an
    abbreviated legal form may carry ("ry." and "ry" name the same association)."""
    return name.lower().rstrip(".")


def predicted_facts(result) -> dict[str, set]:
    return {
        "kind": {result.kind},
        "fields": {(k, f.value) for k, f in result.fields.items()},
        "amounts": {(f"{a.eur:.2f}", a.role, a.qualifier) for a in result.amounts},
        "organisations": {(_organisation(o.name), o.role) for o in result.organisations},
        "calls": {
            (
                c.opens,
                c.closes,
                None if c.budget_eur is None else f"{c.budget_eur:.2f}",
                tuple(c.ministries),
            )
            for c in result.calls
        },
        "districts": {d.name for d in result.districts},
    }


def expected_facts(expected: dict) -> dict[str, set]:
    return {
        "kind": set(expected.get("kind_any", [expected.get("kind", "unknown")])),
        "fields": {(k, v) for k, v in expected.get("fields", {}).items()},
        "amounts": {(_money(e), r, q) for e, r, q in expected.get("amounts", [])},
        "organisations": {(_organisation(n), r) for n, r in expected.get("organisations", [])},
        "calls": {
            (o, c, None if b is None else _money(b), tuple(m))
            for o, c, b, m in expected.get("calls", [])
        },
        "districts": set(expected.get("districts", [])),
    }


def score(
    pred: dict[str, set], want: dict[str, set], ignore: set
) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, expected) per group."""
    out = {}
    for group in GROUPS:
        p, w = pred[group], want[group]
        if group == "kind":
            hit = 1 if p & w else 0
            out[group] = (hit, 1, 1)
            continue
        if group == "fields":
            p = {item for item in p if item[0] not in ignore}
        out[group] = (len(p & w), len(p), len(w))
    return out


def documents(include_seeds: bool, docs_dir: Path | None = None):
    docs_dir = HERE / "docs" if docs_dir is None else docs_dir
    for expected_path in sorted(docs_dir.glob("*.expected.json")):
        name = expected_path.name[: -len(".expected.json")]
        yield docs_dir / name, json.loads(expected_path.read_text("utf-8"))
    seeds_expected = HERE / "seeds.expected.json"
    if include_seeds and SEEDS.is_dir() and seeds_expected.exists():
        for name, expected in json.loads(seeds_expected.read_text("utf-8")).items():
            if (SEEDS / name).exists():
                yield SEEDS / name, expected


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses per document")
    parser.add_argument("--no-seeds", action="store_true", help="leave out ../shared/seeds")
    parser.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="folder of documents with <name>.expected.json (default: evaluation/reader/docs)",
    )
    parser.add_argument(
        "--by-field", action="store_true", help="also precision and recall of each field"
    )
    args = parser.parse_args(argv)
    count, totals = measure(not args.no_seeds, args.docs, report=args.verbose)
    print(f"\n{count} documents")
    _table("group", totals, (*GROUPS, "overall"))
    if args.by_field:
        fields = field_totals(not args.no_seeds, args.docs)
        print()
        _table("field", fields, sorted(fields))
    return 0


def _table(heading: str, totals, rows) -> None:
    print(f"{heading:<20}{'precision':>10}{'recall':>10}{'found':>8}{'expected':>10}")
    for row in rows:
        tp, np_, ne = totals[row]
        print(f"{row:<20}{_ratio(tp, np_):>10}{_ratio(tp, ne):>10}{tp:>8}{ne:>10}")


def field_totals(include_seeds: bool, docs_dir: Path | None = None):
    """{field name: [true positives, predicted, expected]}, the ignored fields left out: where
    the fields' figure comes from."""
    totals = defaultdict(lambda: [0, 0, 0])
    for path, expected in documents(include_seeds, docs_dir):
        if not path.exists():
            continue
        ignore = set(expected.get("ignore_fields", []))
        pred = predicted_facts(read_document(path.read_bytes(), path.name))["fields"]
        want = expected_facts(expected)["fields"]
        pred = {item for item in pred if item[0] not in ignore}
        for name in {k for k, _ in pred | want}:
            p = {item for item in pred if item[0] == name}
            w = {item for item in want if item[0] == name}
            totals[name][0] += len(p & w)
            totals[name][1] += len(p)
            totals[name][2] += len(w)
    return totals


def measure(include_seeds: bool, docs_dir: Path | None = None, *, report: bool = False):
    """(documents read, {group or "overall": [true positives, predicted, expected]}); with
    ``report`` the misses of each document are printed. The CI gate calls this too."""
    totals = defaultdict(lambda: [0, 0, 0])
    count = 0
    for path, expected in documents(include_seeds, docs_dir):
        if not path.exists():
            print(f"missing document {path}", file=sys.stderr)
            continue
        count += 1
        result = read_document(path.read_bytes(), path.name)
        pred, want = predicted_facts(result), expected_facts(expected)
        scores = score(pred, want, set(expected.get("ignore_fields", [])))
        for group, (tp, np_, ne) in scores.items():
            for total in (totals[group], totals["overall"]):
                total[0] += tp
                total[1] += np_
                total[2] += ne
        if report:
            misses = []
            for group in GROUPS:
                p, w = pred[group], want[group]
                if group == "fields":
                    p = {i for i in p if i[0] not in set(expected.get("ignore_fields", []))}
                if group == "kind":
                    if not p & w:
                        misses.append(f"  kind: got {sorted(p)} want {sorted(w)}")
                    continue
                for item in sorted(w - p, key=str):
                    misses.append(f"  missed {group}: {item}")
                for item in sorted(p - w, key=str):
                    misses.append(f"  extra  {group}: {item}")
            if misses:
                print(f"{path.name}:")
                print("\n".join(misses))
    return count, totals


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


if __name__ == "__main__":
    raise SystemExit(main())
