"""Words to the terms the index keeps: base forms and compound parts, so inflections match.

Finnish inflects and compounds: "kulttuuripalveluja" and "kulttuuripalvelujen" share no
surface form a plain full-text tokenizer would find. Voikko (libvoikko with the Finnish
dictionary) gives each word's base form and its compound parts; where Voikko is not installed,
or does not know a word (a name such as "Annantalo" it may still split), the snowball stemmer
cuts the ending. Swedish words get the Swedish snowball stem. The index and the query are
analysed by the same function, so whichever analyser is present both sides agree.

Every term is letters and digits only, lower case: safe inside an FTS5 or tsquery expression.
"""

import functools
import logging
import re

import snowballstemmer

logger = logging.getLogger(__name__)

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
TERM = re.compile(r"[^\W_]+")
_PART = re.compile(r"\+([^+(]*)\(([^)]*)\)")
MAX_WORD = 60
"""Longer "words" (hashes, glued URLs) are kept as they are, not analysed."""

_STEMMERS = {
    "fi": snowballstemmer.stemmer("finnish"),
    "sv": snowballstemmer.stemmer("swedish"),
}


@functools.cache
def _voikko():
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception as error:  # noqa: BLE001 - absent library or dictionary: fall back
        logger.info("Voikko is not available (%s); search uses the snowball stemmer", error)
        return None


def voikko_available() -> bool:
    return _voikko() is not None


def _compound_parts(wordbases: str) -> list[str]:
    """'+kulttuuri(kulttuuri)+palvel(palvella)+u(+u)' → ['kulttuuri', 'palvelu']: a part
    followed by derivational suffixes (bases starting with '+') is joined with them."""
    parts: list[list[str]] = []
    for surface, base in _PART.findall(wordbases):
        if base.startswith("+") and parts:
            parts[-1][0] += surface
            parts[-1][1] = ""
        else:
            parts.append([surface, base])
    terms = []
    for surface, base in parts:
        terms.append(surface)
        if base:
            terms.append(base)
    return terms


@functools.lru_cache(maxsize=200_000)
def word_terms(word: str, language: str = "fi") -> frozenset[str]:
    """The terms of one word: itself, its base forms and compound parts (or its stem)."""
    lower = word.lower()
    if len(lower) > MAX_WORD:
        return frozenset({lower[:MAX_WORD]})
    terms = {lower}
    stemmer = _STEMMERS.get(language, _STEMMERS["fi"])
    if language == "fi" and (voikko := _voikko()) is not None:
        for analysis in voikko.analyze(word):
            terms.add(analysis.get("BASEFORM", "").lower())
            terms.update(part.lower() for part in _compound_parts(analysis.get("WORDBASES", "")))
    terms.add(stemmer.stemWord(lower))
    # Hyphenated words and base forms split into plain terms; tiny fragments say nothing.
    return frozenset(t for term in terms for t in TERM.findall(term) if len(t) > 1 or t.isdigit())


def words(text: str) -> list[str]:
    return WORD.findall(text or "")


def text_terms(text: str, language: str = "fi") -> list[str]:
    """Every term of a text, in order, for the index (repeats kept: they weigh in ranking)."""
    return [term for word in words(text) for term in sorted(word_terms(word, language))]


def query_groups(query: str, max_words: int = 12) -> list[frozenset[str]]:
    """A query's words, each as the set of terms any of which may match it (Finnish and
    Swedish readings both), at most `max_words` distinct words."""
    groups: list[frozenset[str]] = []
    for word in words(query[:2000]):
        group = word_terms(word, "fi") | word_terms(word, "sv")
        if group and group not in groups:
            groups.append(group)
        if len(groups) >= max_words:
            break
    return groups
