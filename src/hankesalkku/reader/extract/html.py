"""HTML, including pages saved from paatokset.hel.fi and the Ahjo ``Content`` HTML.

Only the decision itself is read when the page has Ahjo's ``div.paatos``; menus,
cookie banners and footers are dropped because their words (dates, unit names)
would otherwise be read as facts of the decision.
"""

from __future__ import annotations

import re

from .base import Extracted

_BLOCK = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "table", "tr", "blockquote", "pre", "dl", "dt", "dd", "figure",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
         "form", "button", "svg", "head", "iframe"}  # fmt: skip
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|<div|<body|<p\b)", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:500])) or 'class="paatos"' in text[:20000]


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
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    root = soup.select_one("div.paatos") or soup.find("main") or soup.find("article")
    root = root or soup.body or soup
    out: list[str] = []
    try:
        _walk(root, out)
        text = "".join(out)
    except RecursionError:
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
    except Exception as exc:  # noqa: BLE001
        return Extracted(
            errors=[f"HTML-tiedostoa ei voitu lukea ({type(exc).__name__})."], format="html"
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
