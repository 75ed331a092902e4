"""How much work one document may cause, whatever its bytes say.

Each limit is checked before the work it bounds, and each refusal or cut is named to the
user with a message (see :mod:`hankesalkku.reader.messages`). The figures are far above
anything a real funding document needs; they only stop files that would take seconds or
gigabytes (a zip bomb, tags nested a hundred thousand deep, a 40-digit "amount").
Modules read these names at call time, so a test can lower a limit with ``monkeypatch``.
"""

from __future__ import annotations

from decimal import Decimal

MAX_BYTES = 20 * 1024 * 1024
"""Files above this are refused unread: real decisions are far smaller, and a
huge file is almost always a scan or an archive uploaded by mistake."""

MAX_ANALYSED_CHARS = 2_000_000
"""Only this many characters of the extracted text are analysed (cut at a line break); the
rest is kept in ``ReadResult.text`` but not searched, and the user is told. A long minutes
book is about a million characters. The reader's time is linear in the text: about 0.35 s a
million characters of real documents, and up to 3 s for text made of nothing but figures."""

CLAUSE_REACH = 2000
"""How far back from a figure its clause is read for a grant, a part's mark or the city whose
money it is (and a bullet for the clause that introduced it). Real sentences are a few hundred
characters; a "sentence" without an end (a table, a text without full stops) would otherwise
be read again for every figure in it."""

NUMBER_CHAIN_GROUPS = 8
"""A run of this many or more groups of three digits ("123 456 789 …") is a table of numbers,
not an amount (it would be above ``MAX_EUR``): it is not read as figures, which keeps the
figure pattern from trying every group of the run again to its end."""

MAX_EUR = Decimal(10) ** 12
"""A figure above a thousand billion euros is not a funding amount (and a 40-digit
number would not fit a two-place Decimal): it is ignored."""

DOCX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
"""The sum of the uncompressed sizes that a DOCX declares for its parts. Python's zipfile
reads no more than the declared size of a part (more data fails its CRC check), so
checking the declared sizes caps what is read."""

DOCX_MAX_RATIO = 100
"""Largest compression ratio of one part of a DOCX; Word's XML compresses 5-20 times."""

DOCX_RATIO_FROM_BYTES = 1024 * 1024
"""Parts smaller than this when unpacked are not checked for their ratio (harmless)."""

HTML_MAX_ELEMENTS = 50_000
"""Most start tags an HTML page may have: BeautifulSoup takes some 20-40 µs per element
(a saved decision page has a few thousand)."""

HTML_MAX_DEPTH = 400
"""Deepest nesting of elements in an HTML page (real pages stay under 50)."""

DOCUMENT_SECONDS = 60.0
"""Longest time one document may take. The pipeline looks at the clock before each stage and
OCR before each page; past the limit it gives up on the rest of the document with the message
``time_limit`` (what the finished stages found is kept). The text stages are linear and capped
by ``MAX_ANALYSED_CHARS`` (a few seconds at most), so in practice only OCR of a long scan can
reach it. The command line and the web read through ``read_document`` and so share it."""

OCR_MAX_PAGES = 30
"""Pages of a scanned PDF recognised at most (a decision has a few; OCR takes seconds a page)."""
