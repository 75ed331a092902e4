"""The reader's full output on every evaluation document, to keep a speed change honest.

Usage: .venv/bin/python benchmarks/reader_snapshot.py --write before.json [--src DIR]
       .venv/bin/python benchmarks/reader_snapshot.py --compare before.json [--src DIR]

A speed change should not change what is read. The accuracy gate only counts the facts
the expectations name; this keeps everything `to_json_dict(messages=True)` gives (values,
sources, offsets, messages) for every document of every evaluation set, the seeds and
the synthetic decisions of `reader_speed.py`, so that two versions can be compared
document by document. `--src` reads with the reader of another checkout's `src/`
(e.g. a worktree of the base commit). A blind set that has not yet been measured once
is listed in `UNSEEN` and left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EVALUATION = REPO / "evaluation" / "reader"
SEEDS = REPO.parent / "shared" / "seeds"
UNSEEN: set[str] = set()  # a blind set not yet measured once goes here


def documents() -> list[tuple[str, bytes, str]]:
    """(key, data, file name) of every evaluation document, the seeds and the synthetic set."""
    from reader_speed import synthetic_decisions

    docs = []
    for folder in sorted(p for p in EVALUATION.iterdir() if p.is_dir()):
        if folder.name in UNSEEN or folder.name.startswith("__"):
            continue
        for expected in sorted(folder.glob("*.expected.json")):
            path = expected.with_name(expected.name[: -len(".expected.json")])
            if path.exists():
                docs.append((f"{folder.name}/{path.name}", path.read_bytes(), path.name))
    if SEEDS.is_dir():
        for path in sorted(p for p in SEEDS.iterdir() if p.is_file()):
            docs.append((f"seeds/{path.name}", path.read_bytes(), path.name))
    docs += [(f"synthetic/{name}", data, name) for data, name in synthetic_decisions()]
    return docs


def snapshot(src: Path) -> dict[str, object]:
    sys.path.insert(0, str(src))
    from hankesalkku.reader import limits, read_document

    limits.DOCUMENT_SECONDS = 600.0  # what is read, not how fast: no cut on a loaded machine
    out = {}
    for key, data, name in documents():
        result = read_document(data, name)
        out[key] = json.loads(json.dumps(result.to_json_dict(messages=True), default=str))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="store the output in this file")
    action.add_argument("--compare", type=Path, help="compare the output with this file")
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the reader's src/")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    current = snapshot(args.src.resolve())
    if args.write:
        args.write.write_text(json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True))
        print(f"{len(current)} documents written to {args.write}")
        return 0
    stored = json.loads(args.compare.read_text("utf-8"))
    differing = sorted(k for k in stored.keys() | current.keys() if stored.get(k) != current.get(k))
    for key in differing:
        print(f"differs: {key}")
    print(f"{len(current)} documents, {len(differing)} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
