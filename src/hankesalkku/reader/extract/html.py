"""HTML, including pages saved from paatokset.hel.fi and the Ahjo ``Content`` HTML.

Only the decision itself is read when the page has Ahjo's ``div.paatos``; menus,
cookie banners and footers are dropped because their words (dates, unit names)
would otherwise be read as facts of the decision.
"""

from __future__ import annotations

import logging
import re

from .. import limits
from .. import messages as M
from ..messages import Message
from ..wordlists import table
from .base import Extracted

logger = logging.getLogger(__name__)

_TAGS = table("html.toml")
_BLOCK = frozenset(_TAGS["block"])
_SKIP = frozenset(_TAGS["skip"])
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|<div|<body|<p\b)", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:500])) or 'class="paatos"' in text[:20000]


# elements that never hold others (html.parser does not nest them)
_VOID = frozenset(_TAGS["void"])
_START_TAG = re.compile(r"<[A-Za-z]")
# a comment, or a start or end tag with its name and the rest up to ">"
_TAG = re.compile(r"<!--|<(/?)([A-Za-z][^\s/>]*)([^>]*)>")
_RAW_TEXT = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}


class MarkupRefused(Exception):
    """HTML that would take too long to parse; ``message`` says why."""

    def __init__(self, message: Message):
        super().__init__(message.code)
        self.message = message


def markup_refusal(markup: str) -> Message | None:
    """Why ``markup`` is too big to parse (too many elements, nested too deep), or None.

    The depth is that of html.parser as BeautifulSoup builds the tree: an end tag closes
    the nearest open element of its name, void and self-closed elements hold nothing, and
    unclosed elements ("<p>a<p>b") stay open. Scripts, styles and comments are skipped.
    """
    if markup.count("<") > limits.HTML_MAX_ELEMENTS:  # (a quick upper bound first)
        for count, _tag in enumerate(_START_TAG.finditer(markup), start=1):
            if count > limits.HTML_MAX_ELEMENTS:
                return M.make(
                    M.HTML_TOO_MANY_ELEMENTS,
                    limit=f"{limits.HTML_MAX_ELEMENTS:,}".replace(",", " "),
                )
    stack: list[str] = []
    open_count: dict[str, int] = {}
    position = 0
    search = _TAG.search
    while True:
        m = search(markup, position)
        if m is None:
            return None
        position = m.end()
        if m.group(2) is None:  # a comment
            end = markup.find("-->", position)
            position = len(markup) if end < 0 else end + 3
            continue
        name = m.group(2).lower()
        if m.group(1):  # an end tag closes the nearest open element of its name
            if open_count.get(name):
                while True:
                    popped = stack.pop()
                    open_count[popped] -= 1
                    if popped == name:
                        break
            continue
        if name in _VOID or m.group(3).endswith("/"):
            continue
        if name in _RAW_TEXT:  # no elements inside a script or a style
            end = _RAW_TEXT[name].search(markup, position)
            position = len(markup) if end is None else end.start()
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if len(stack) > limits.HTML_MAX_DEPTH:
            return M.make(M.HTML_TOO_DEEP, limit=limits.HTML_MAX_DEPTH)


def _walk(node, out: list[str]) -> None:
    from bs4 import Comment, NavigableString, Tag

    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            out.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        name = child.name
        if name == "br":
            out.append("\n")
        elif name == "li":
            out.append("\n- ")
            _walk(child, out)
            out.append("\n")
        elif name in ("td", "th"):
            _walk(child, out)
            out.append("\t")
        elif name in _BLOCK:
            out.append("\n")
            _walk(child, out)
            out.append("\n")
        else:
            _walk(child, out)


def html_to_text(markup: str) -> tuple[str, object]:
    """The text of the decision in ``markup`` and the element it came from.

    Raises :class:`MarkupRefused` for markup beyond the limits of :mod:`..limits`.
    """
    from bs4 import BeautifulSoup

    refusal = markup_refusal(markup)
    if refusal is not None:
        raise MarkupRefused(refusal)
    soup = BeautifulSoup(markup, "html.parser")
    root = soup.select_one("div.paatos") or soup.find("main") or soup.find("article")
    root = root or soup.body or soup
    out: list[str] = []
    try:
        _walk(root, out)
        text = "".join(out)
    except RecursionError:
        logger.info("HTML nested too deep to walk; read as plain text of its elements")
        text = root.get_text("\n")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    dated = _page_date(soup, root) if root.name == "div" else None
    if dated and not _DATE.search(text[:400]):
        text = dated + "\n\n" + text
    return text, root


_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?!\d)")


def _page_date(soup, root) -> str | None:
    """A saved page shows the decision's date in its header, outside ``div.paatos``."""
    for found in soup.select('[class*="date"]'):
        if root in found.parents or found is root:
            continue
        value = re.sub(r"\s+", " ", found.get_text(" ", strip=True))
        if _DATE.search(value) and len(value) <= 60:
            return value
    return None


def extract_html(markup: str) -> Extracted:
    try:
        text, root = html_to_text(markup)
    except MarkupRefused as refused:
        logger.info("HTML refused: %s", refused.message.code)
        return Extracted(messages=[refused.message], format="html")
    except Exception as exc:  # noqa: BLE001 - any parser failure means unreadable markup
        logger.info("HTML could not be read", exc_info=True)
        return Extracted(
            messages=[M.make(M.HTML_UNREADABLE, error=type(exc).__name__)], format="html"
        )
    extracted = Extracted(text=text, format="html")
    add_ahjo_hints(extracted, root)
    return extracted


def add_ahjo_hints(extracted: Extracted, root, offset: int = 0) -> None:
    """Ahjo marks the section, title, diary number and appeal type with CSS classes."""

    def text_of(selector: str) -> str | None:
        found = root.select_one(selector) if hasattr(root, "select_one") else None
        value = found.get_text(" ", strip=True) if found else ""
        return re.sub(r"\s+", " ", value) or None

    title = text_of("h1.AsiaOtsikko")
    extracted.hint_from_text("title", title, title)
    section = text_of("div.Asiapykala")
    if section:
        number = re.search(r"\d+", section)
        if number:
            extracted.hint_from_text("section", f"{number.group()} §", section)
    appeal_heading = (
        root.select_one("h3.MuutoksenhakuOtsikko") if hasattr(root, "select_one") else None
    )
    if appeal_heading is not None:
        nxt = appeal_heading.find_next(["h4", "p"])
        label = nxt.get_text(" ", strip=True) if nxt else ""
        if re.search("muutoksenhakukielto", label, re.I):
            extracted.hint_from_text("appeal", "Muutoksenhakukielto", label)
        elif re.search("oikaisuvaatimu", label, re.I):
            extracted.hint_from_text("appeal", "Oikaisuvaatimus", label)
