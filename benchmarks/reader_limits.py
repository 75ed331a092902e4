"""Time and peak memory of the reader on inputs built to make it work hard.

Usage: .venv/bin/python benchmarks/reader_limits.py [--uncapped] [--heap] [--src DIR]
       [--timeout 300] [--memory-limit-mb 6144] [--only NAME]

Cases: a DOCX zip bomb (1 MB that unpacks to 1 GB), 5 MB of HTML nested 330 000 deep (and
0.3 MB nested 20 000 deep, under the element limit), and
plain text of 1, 2, 4, 8 and 19 MB glued together from the evaluation decisions. Each case
runs in a fresh process: time is the CPU time of one read; "RSS +MB" is how much the peak
resident memory of the process (``ru_maxrss``) grew in it, which also counts what C
libraries (lxml) allocate. ``--heap`` adds the peak of Python's allocations in a second read
(``tracemalloc``, which is slow and itself costs memory). A process is stopped past
``--timeout`` seconds or ``--memory-limit-mb`` of address space. ``--uncapped``
lifts ``limits.MAX_ANALYSED_CHARS`` to show that the time per MB stays flat when all of a
long text is analysed; ``--src`` reads with another source tree (e.g. an older checkout,
to compare).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

MB = 1024 * 1024
TEXT_SIZES_MB = (1, 2, 4, 8, 19)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"'
    "/></Relationships>"
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def bomb_docx(unpacked_mb: int = 1024) -> bytes:
    """A valid DOCX whose document.xml is ``unpacked_mb`` MB of empty paragraphs."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'.encode())
            chunk = b"<w:p/>" * (MB // 6)
            for _ in range(unpacked_mb):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def nested_html(size_mb: float = 5) -> bytes:
    depth = int(size_mb * MB) // 8 // 2
    return ("<html><body>" + "<div><b>" * depth + "Tuki 1 000 €" + "</b></div>" * depth).encode()


def long_text(size_mb: float) -> bytes:
    """Evaluation decisions one after another, ``size_mb`` MB cut at a line break."""
    from reader_speed import synthetic_decisions

    blob = b"".join(data for data, _ in synthetic_decisions())
    target = int(size_mb * MB)
    data = blob * (target // len(blob) + 1)
    data = data[:target]
    return data[: data.rfind(b"\n") + 1]


def cases() -> list[tuple[str, str, bytes]]:
    found = [
        ("DOCX zip bomb", "pommi.docx", bomb_docx()),
        ("nested HTML 5 MB", "sisakkainen.html", nested_html()),
        ("nested HTML 0.3 MB", "syva.html", nested_html(0.3)),  # deep, but few elements
    ]
    found += [(f"text {mb} MB", f"teksti_{mb}.txt", long_text(mb)) for mb in TEXT_SIZES_MB]
    return found


def child(path: str, filename: str, src: str, uncapped: bool, heap: bool, limit_mb: int) -> None:
    """Read one file and print what it cost, as JSON (runs in its own process)."""
    import resource

    limit = limit_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    sys.path.insert(0, src)
    from hankesalkku.reader import read_document

    if uncapped:
        from hankesalkku.reader import limits

        limits.MAX_ANALYSED_CHARS = 10**9
    data = Path(path).read_bytes()
    read_document(b"Hankkeen tuki on 1 000 euroa.", "lammitys.txt")  # imports and caches
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    result = read_document(data, filename)
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    heap_mb = None
    if heap:
        del result
        tracemalloc.start()
        result = read_document(data, filename)
        heap_mb = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    codes = getattr(result, "error_codes", None)
    print(json.dumps({
        "seconds": seconds,
        "rss_mb": (peak - before) / 1024,
        "heap_mb": heap_mb,
        "analysed": len(result.text),
        "amounts": len(result.amounts),
        "outcome": ", ".join(codes) if codes is not None else "; ".join(result.errors)[:70],
    }))  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uncapped", action="store_true", help="analyse all of a long text")
    parser.add_argument("--src", default=str(REPO / "src"), help="source tree to read with")
    parser.add_argument("--heap", action="store_true", help="also trace Python's allocations")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--memory-limit-mb", type=int, default=6144)
    parser.add_argument("--only", default="", help="only the cases whose name has this")
    parser.add_argument("--child", nargs=2, metavar=("PATH", "NAME"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child, args.src, args.uncapped, args.heap, args.memory_limit_mb)
        return 0
    print(f"source {args.src}{' (analysis uncapped)' if args.uncapped else ''}")
    print(f"{'case':<19}{'input':>9}{'CPU s':>8}{'s/MB':>6}{'RSS +MB':>9}{'heap MB':>9}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name, filename, data in cases():
            if args.only not in name:
                continue
            path = os.path.join(folder, filename)
            Path(path).write_bytes(data)
            command = [sys.executable, __file__, "--src", args.src, "--child", path, filename]
            command += ["--memory-limit-mb", str(args.memory_limit_mb)]
            command += ["--uncapped"] * args.uncapped + ["--heap"] * args.heap
            size = f"{len(data) / MB:.1f} MB"
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, timeout=args.timeout, check=True
                )
            except subprocess.TimeoutExpired:
                print(f"{name:<19}{size:>9}{'>' + str(int(args.timeout)):>8}{'':>24}  stopped")
                continue
            except subprocess.CalledProcessError as failed:
                last = (failed.stderr.strip().splitlines() or ["?"])[-1]
                print(f"{name:<19}{size:>9}  failed: {last[-100:]}")
                continue
            got = json.loads(done.stdout.strip().splitlines()[-1])
            per_mb = got["seconds"] / (len(data) / MB)
            heap = "-" if got["heap_mb"] is None else f"{got['heap_mb']:.0f}"
            print(
                f"{name:<19}{size:>9}{got['seconds']:>8.2f}{per_mb:>6.2f}{got['rss_mb']:>9.0f}"
                f"{heap:>9}  {got['outcome'] or '-'} ({got['amounts']} amounts)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
