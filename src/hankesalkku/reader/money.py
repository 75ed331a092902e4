"""Euro amounts, their qualifier, their role and whose money they are.

A figure's role is read from the nearest role word in its own clause: first
looking back to the previous figure or the start of the sentence, then forward
to the next figure or the end of the sentence. A figure with no role word of its
own continues the role of the figure before it in the same sentence
("62 500 euroa … siten, että 50 000 euroa … ja 12 500 euroa …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .scan import alternatives, by_first_letter, fold_case, folded, gated, literal_first

# "(?<![\d,.])\d…" written as "\d(?<![\d,.]\d)…": the same matches, but a pattern that
# starts with a digit lets the regex engine skip straight to the next digit (3x faster).
_NUMBER = r"(?P<num>\d(?<![\d,.]\d)(?:\d{0,2}(?:[ .]\d{3})+|\d*))(?:,(?P<dec>\d{1,3}))?(?![\d])"
_SCALE = r"(?:\s?(?P<scale>miljoon(?:aa|an|alla|aksi|asta|assa)|miljoona|milj\.?|M(?=\s?(?:€|eur|EUR|e\b))|t(?=\s?€)|tuhatta|tuhannen|tuhannella|k(?=€)))?"
_CURRENCY = r"\s?(?P<cur>euro(?:a|n|lla|ksi|on|sta|t|ssa|lle|lta)?\b|EUR\b|eur\b|€|e\b(?![-.]\w))"
AMOUNT = gated(_NUMBER + _SCALE + _CURRENCY)
MEUR = gated(_NUMBER + r"\s?(?P<scale>Meur|MEUR|M€)")
BARE_NUMBER = re.compile(
    r"(?<![\d,.\w])(\d{1,3}(?:[ .]\d{3})+|\d{4,9})(?:,(\d{2}))?(?![\d%]|,\d|\s?(?:§|%|hlö|henk))"
)

_QUALIFIER_WORDS = (
    r"enintään|enint\.|maksimissaan|korkeintaan|max\.?|alle|noin|n\.|arviolta|ca\.?|"
    r"suunnilleen|vähintään|väh\.|min\.|yli|cirka|högst|minst|omkring"
)
_QUALIFIER = re.compile(r"\b(?P<q>" + _QUALIFIER_WORDS + r")\s+(?:\w+\s+)?$", re.I)
# The same on the folded text without re.I, each word starting with its first letter: the
# engine skips to those letters instead of trying every character case-insensitively.
_QUALIFIER_LOW = re.compile(
    r"(?P<q>"
    + by_first_letter([literal_first(r"\b" + word) for word in alternatives(_QUALIFIER_WORDS)])
    + r")\s+(?:\w+\s+)?$"
)
# every match of MEUR holds one of these (speed: most texts hold none)
_MEUR_WORDS = ("Meur", "MEUR", "M€")
_QUALIFIERS = {
    "enintään": "at_most", "enint.": "at_most", "maksimissaan": "at_most", "korkeintaan": "at_most",
    "max": "at_most", "max.": "at_most", "alle": "at_most", "noin": "about", "n.": "about",
    "arviolta": "about", "ca": "about", "ca.": "about", "suunnilleen": "about",
    "vähintään": "at_least", "väh.": "at_least", "min.": "at_least", "yli": "at_least",
    "cirka": "about", "omkring": "about", "högst": "at_most", "minst": "at_least",
}  # fmt: skip

ROLE_WORDS = [
    ("granted", r"myönn(?!ettäv)\w*|myönt(?!övaltuu)\w*|myönsi|\bsai\b|\bsaivat\b|\bsaa rahoitusta|\btukee\b|"
                r"\brahoitta(?:a|vat)\b|\brahoitti\b"),
    ("pool", r"avustuksi(?:in|a)\s+(?:käytetään|varataan|jaetaan|on\s+varattu)|avustuksina\s+jaetaan"),
    ("municipal_financing", r"kuntarahoitu\w*|kuntaraha\w*|kuntaosuu\w*|kunnan rahoitusosuu\w*|kuntien rahoitusosuu\w*|"
                            r"kommunal\w* finansiering\w*|kommunandel\w*"),
    ("own_financing", r"omarahoitu\w*|oma rahoitus\w*|omaa rahoitusta|omavastuu\w*|egen finansiering"),
    ("appropriation", r"määrärah\w*|talousarviokoh\w*|kattamaan"),
    ("theme_budget", r"teemalle\b|teeman\s+(?:budjetti|rahoitus|määräraha)\w*|teemaan\s+on\s+varattu"),
    ("call", r"\bhau(?:n|ssa|lle|lla)\b|haku(?:un|a|aika\w*|kierro\w*|ilmoitu\w*)?\b|myöntövaltuu\w*|jaettava\w*|haettava(?:na|ssa|issa)\b"),
    ("support", r"tu(?:ki|en|kea|kena|keen|elle|ella)\b|\bstöd(?:et|belopp\w*)?\b|statsunderstöd\w*|tukiosuu\w*|tukiprosent\w*|valtionavustu\w*|"
                r"ulkopuolist\w* rahoitu\w*|haettava\w* rahoitu\w*|rahoitusta haetaan|haetaan\s+(?:[\w-]+\s+){0,4}?rahoitu\w*|"
                r"eu- ja valtion\w*|\bja valtion rahoitu\w*|haettu rahoitus|rahoitus(?:osuus)?\s*[:(]"),
    ("total", r"kokonaisbudjet\w*|kokonaiskustannu\w*|kustannusarvi\w*|hankekustannu\w*|kokonaisrahoitu\w*|"
              r"budjetti\s+on|budjetiksi|kustannukset\s+(?:ovat|olisivat|ovat yhteensä)|kokonaisarvo\w*|"
              r"kokonaiskulu\w*|hankkeen\s+budjet\w*|kustannukset\s*[:(]|budjetti\s*[:(]|"
              r"total\w* budget|totala kostnad\w*|toteuttajakohtai\w* (?:budjet|kustannu)\w*"),
]  # fmt: skip
# All lower case, matched against case-folded windows: as re.IGNORECASE would, but faster.
_ROLE_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in ROLE_WORDS))
assert all(pattern == pattern.lower() for _, pattern in ROLE_WORDS)
# Speed: the same alternatives in the same order without groups, each starting with a plain
# character where it can. It matches where _ROLE_RE matches, with the same extent (the first
# alternative that matches wins in both); _ROLE_RE is then run only at the match that counts,
# for its group name. Named groups around every alternative make the engine enter each one
# at every character; without them it rejects most positions on their first letter.
_ROLE_ANY = re.compile(
    by_first_letter(
        [literal_first(alt) for _, pattern in ROLE_WORDS for alt in alternatives(pattern)]
    )
)
_PART_MARK = re.compile(
    r"osahank\w*|hankeosuu\w*|delprojekt\w*|[Tt]oteuttajakohtai\w*|(?<!tuen )\bosuu(?:s|den|teen)\b|"
    r"\b[A-ZÅÄÖ]\w+n\s+(?:kaupungin\s+)?(?:hankkeen|hankkeelle)\b|"
    r"\w+(?:toimialan|kaupungin|yksikön|kunnan)\s+hanke\w*"
)
# on the folded text: as re.IGNORECASE on the text, but the engine skips to the first letters
_GRANTING = re.compile(
    by_first_letter(
        [
            literal_first(w)
            for w in alternatives(
                r"myönn(?!ettäv)\w*|myöntä\w*|myönsi|myöntänyt|\bsai\b|\bsaivat\b"
            )
        ]
    )
)
_GROUP_SIGNAL = re.compile(
    by_first_letter(
        [
            "pääkoordinaat",
            "osatoteutta",
            "ryhmähanke",
            "yhteishanke",
            "osahank",
            "hankeosuu",
            "päätoteutta",
        ]
    )
)
# _PART_MARK's alternatives that need more than a word (only whether one occurs counts)
_PART_OSUU = re.compile(r"(?<!tuen )\bosuu(?:s|den|teen)\b")
_PART_CITY = re.compile(r"\b[A-ZÅÄÖ]\w+n\s+(?:kaupungin\s+)?(?:hankkeen|hankkeelle)\b")
# "\w+X\s+hanke" occurs exactly where "\wX\s+hanke" does; this form does not backtrack
_PART_UNIT = re.compile(r"\w(?:toimialan|kaupungin|yksikön|kunnan)\s+hanke")
BUDGET_ITEM = re.compile(
    r"(?:talousarvio\w*|TA-?kohda\w*|TA-?kohta|momentil\w*|momentti\w*)\s+(?P<code>\d{1,2}(?:\s\d{2}){1,3}(?!\d)|\d{1,2}(?:\.\d{2}){1,3})"
)


@dataclass
class Found:
    start: int
    end: int
    eur: Decimal
    qualifier: str
    role: str = "other"
    party: str | None = None
    budget_item: str | None = None


def to_decimal(number: str, decimals: str | None, scale: str | None) -> Decimal | None:
    digits = number.replace(" ", "").replace(".", "")
    try:
        value = Decimal(digits + ("." + decimals if decimals else ""))
    except InvalidOperation:
        return None
    scale = (scale or "").lower()
    if scale.startswith(("milj", "m")):
        value *= 1_000_000
    elif scale.startswith(("t", "k")):
        value *= 1_000
    return value.quantize(Decimal("0.01"))


def qualifier_before(flat: str, start: int) -> str:
    match = _QUALIFIER_LOW.search(folded(flat), max(0, start - 32), start)
    if match is None:
        return "exact"
    return _QUALIFIERS.get(flat[match.start("q") : match.end("q")].lower(), "exact")


_NUMBER_CHARS = frozenset(" .,")


def _meur_matches(flat: str):
    """Exactly ``MEUR.finditer(flat)``, tried only in the run of digits before each "M€".

    A match is a number, at most one space and the scale word, so it starts within the
    digits, spaces, dots and commas right before its scale word.
    """
    pos = 0
    while True:
        scales = [at for word in _MEUR_WORDS if (at := flat.find(word, pos)) >= 0]
        if not scales:
            return
        scale = min(scales)
        start = scale
        while start > pos and (flat[start - 1] in _NUMBER_CHARS or flat[start - 1].isspace()
                               or flat[start - 1].isdecimal()):  # fmt: skip
            start -= 1
        found = None
        for candidate in range(start, scale):
            found = MEUR.match(flat, candidate)
            if found is not None:
                break
        if found is None:
            pos = scale + 1
            continue
        yield found
        pos = found.end()


def find_figures(flat: str) -> list[Found]:
    """Every euro figure, with or without a currency word where the context says euros."""
    found: dict[int, Found] = {}
    for matches in (AMOUNT.finditer(flat), _meur_matches(flat)):
        for m in matches:
            value = to_decimal(m.group("num"), m.group("dec"), m.groupdict().get("scale"))
            if value is None or value <= 0:
                continue
            if m.start() in found:
                continue
            found[m.start()] = Found(m.start(), m.end(), value, qualifier_before(flat, m.start()))
    return [found[k] for k in sorted(found)]


# "2 € / tunti", "12 euroa vuorokaudelta", "tuntimaksu 2,00 euroa": a price, not money of a project
_PER_UNIT_AFTER = re.compile(
    r"\s*(?:/|per\b|kappaleelta|tunnilta|päivältä|vuorokaudelta|kuukaudelta|henkilöltä|kerralta)"
)
_PRICE_BEFORE = re.compile(
    r"(?:maksu|hinta|taksa|hintaan|maksun|maksua|veloitus)\w*\s+(?:on\s+)?(?:\w+\s+)?$"
)


_SMALLEST_FUNDING = Decimal(100)


def drop_unit_prices(flat: str, figures: list[Found]) -> list[Found]:
    """Figures that are prices per unit (fees, tariffs), which no funding record holds.

    A sum under a hundred euros is a price or a fee whatever words stand near it
    ("Liput 12 € / 6 €", "Pöytävaraukset 5 €"): no project, call or share is that small.
    """
    kept = []
    for fig in figures:
        if fig.eur < _SMALLEST_FUNDING:
            continue
        if fig.role == "other" and (
            _PER_UNIT_AFTER.match(flat, fig.end, fig.end + 20)
            or _PRICE_BEFORE.search(fold_case(flat[max(0, fig.start - 40) : fig.start]))
        ):
            continue
        kept.append(fig)
    return kept


def role_of(window_before: str, window_after: str) -> str | None:
    """The role word nearest the figure: the last one before it, else the first after it."""
    before = fold_case(window_before)
    return _role_in(before, before, (0, len(before)), (0, 0)) or (
        _first_role(fold_case(window_after), 0, len(window_after)) if window_after else None
    )


def _first_role(low: str, start: int, end: int) -> str | None:
    m = _ROLE_ANY.search(low, start, end)
    return _ROLE_RE.match(low, m.start(), end).lastgroup if m else None


def _mid_word(low: str, pos: int, end: int) -> bool:
    """Whether a window ``low[pos:end]`` starts inside a word."""
    if pos <= 0 or pos >= end:
        return False
    before, first = low[pos - 1], low[pos]
    return (before.isalnum() or before == "_") and (first.isalnum() or first == "_")


def _role_in(flat: str, low: str, before: tuple[int, int], after: tuple[int, int]) -> str | None:
    """``role_of(flat[slice before], flat[slice after])`` without copying the windows.

    Runs on the document's folded text with ``pos``/``endpos``: the same matches as
    on a folded slice, except that ``\\b`` (and a look-behind one character back) at
    ``pos`` sees the character before it. That only matters for a role word starting
    at ``pos`` right after a letter, so only a window starting inside a word is sliced.
    """
    b0, b1 = before
    a0, a1 = after
    if _mid_word(low, b0, b1) or _mid_word(low, a0, a1):
        return role_of(flat[b0:b1], flat[a0:a1])
    last = None
    for last in _ROLE_ANY.finditer(low, b0, b1):  # noqa: B007 - the last one counts
        pass
    if last is not None:
        return _ROLE_RE.match(low, last.start(), b1).lastgroup
    return _first_role(low, a0, a1) if a1 > a0 else None


def _part_mark(clause: str) -> bool:
    """``bool(_PART_MARK.search(clause))``, one cheap word test per alternative first."""
    return (
        "osahank" in clause
        or "hankeosuu" in clause
        or "delprojekt" in clause
        or "toteuttajakohtai" in clause
        or "Toteuttajakohtai" in clause
        or "osuu" in clause
        and _PART_OSUU.search(clause) is not None
        or "hankkee" in clause
        and _PART_CITY.search(clause) is not None
        or "hanke" in clause
        and _PART_UNIT.search(clause) is not None
    )


def assign_roles(flat: str, figures: list[Found], segments, callish: bool, kind: str = "") -> None:
    """Role per figure; ``kind`` is the guessed document kind.

    In a call notice a project's cost or support is a condition of the call
    ("kokonaiskustannusten tulee olla vähintään 200 000 euroa"), not a fact of a
    project; in call results a project's support is what it was granted.
    """
    low = folded(flat)
    group_project = bool(_GROUP_SIGNAL.search(low))
    paragraph_scope: dict[int, str] = {}
    previous: Found | None = None
    previous_base = "other"
    previous_sentence = -1
    for i, fig in enumerate(figures):
        s_start, s_end = segments.sentence(fig.start)
        sentence_no = segments.sentence_index(fig.start)
        same_sentence = previous is not None and previous_sentence == sentence_no
        before_from = max(s_start, previous.end) if same_sentence else s_start
        nxt = figures[i + 1].start if i + 1 < len(figures) else len(flat)
        after_end = min(s_end, nxt)
        role = _role_in(flat, low, (before_from, fig.start), (fig.end, after_end))
        if role == "call" and not callish:
            before = re.sub(r"ha(?:ku|un|ussa)\w*", "", flat[before_from : fig.start])
            role = role_of(before, flat[fig.end : after_end])
            role = None if role == "call" else role
        clause_start = s_start
        if role is None and flat[s_start : s_start + 2].lstrip()[:1] in ("-", "•", "*"):
            # a bullet list continues the clause that introduced it ("myöntää tukea seuraaville:")
            clause_start = segments.paragraph_start(fig.start)
            role = _role_in(flat, low, (clause_start, s_start), (0, 0))
        if role == "support" and _GRANTING.search(low, clause_start, fig.start):
            role = "granted"
        if role is None and same_sentence:
            role = previous_base
        elif role is None:
            role = "call_budget" if callish else "other"
        base = role
        role = _kind_role(role, kind, callish)
        paragraph = segments.paragraph_index(fig.start)
        if role in ("total", "support"):
            clause = flat[s_start : fig.start]
            if role == "total":
                scope = "part" if group_project and _part_mark(clause) else "project"
                paragraph_scope[paragraph] = scope
            else:
                scope = paragraph_scope.get(paragraph)
                if scope is None:
                    scope = "part" if group_project and _part_mark(clause) else "project"
            role = f"{scope}_{role}"
        fig.role = role
        previous, previous_base, previous_sentence = fig, base, sentence_no


def _kind_role(role: str, kind: str, callish: bool) -> str:
    if role in ("call", "pool"):
        return "call_budget"
    if role == "appropriation":  # a call's appropriation, or the budget the city pays from
        return "call_budget" if callish else "own_financing"
    if kind == "call_notice" and role in ("total", "support"):
        return "other"
    if kind == "call_results" and role == "support":
        return "granted"
    return role


def attach_budget_items(flat: str, figures: list[Found], segments) -> None:
    for fig in figures:
        if fig.role not in ("own_financing", "municipal_financing", "granted", "other"):
            continue
        s_start, s_end = segments.sentence(fig.start)
        m = BUDGET_ITEM.search(flat, s_start, s_end)
        if m:
            fig.budget_item = re.sub(r"\s+", " ", m.group("code"))
