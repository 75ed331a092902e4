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

from .scan import fold_case, gated

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

_QUALIFIER = re.compile(
    r"\b(?P<q>enintään|enint\.|maksimissaan|korkeintaan|max\.?|alle|noin|n\.|arviolta|ca\.?|"
    r"suunnilleen|vähintään|väh\.|min\.|yli|cirka|högst|minst|omkring)\s+(?:\w+\s+)?$",
    re.I,
)
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
_PART_MARK = re.compile(
    r"osahank\w*|hankeosuu\w*|delprojekt\w*|[Tt]oteuttajakohtai\w*|(?<!tuen )\bosuu(?:s|den|teen)\b|"
    r"\b[A-ZÅÄÖ]\w+n\s+(?:kaupungin\s+)?(?:hankkeen|hankkeelle)\b|"
    r"\w+(?:toimialan|kaupungin|yksikön|kunnan)\s+hanke\w*"
)
_GRANTING = re.compile(r"myönn(?!ettäv)\w*|myöntä\w*|myönsi|myöntänyt|\bsai\b|\bsaivat\b", re.I)
_GROUP_SIGNAL = gated(
    r"pääkoordinaat|osatoteutta|ryhmähanke|yhteishanke|osahank|hankeosuu|päätoteutta", re.I
)
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
    digits = re.sub(r"[ .]", "", number)
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
    match = _QUALIFIER.search(flat, max(0, start - 32), start)
    return _QUALIFIERS.get(match.group("q").lower(), "exact") if match else "exact"


def find_figures(flat: str) -> list[Found]:
    """Every euro figure, with or without a currency word where the context says euros."""
    found: dict[int, Found] = {}
    for pattern in (AMOUNT, MEUR):
        for m in pattern.finditer(flat):
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


def drop_unit_prices(flat: str, figures: list[Found]) -> list[Found]:
    """Figures that are prices per unit (fees, tariffs), which no funding record holds."""
    kept = []
    for fig in figures:
        if fig.role == "other" and (
            _PER_UNIT_AFTER.match(flat, fig.end, fig.end + 20)
            or _PRICE_BEFORE.search(fold_case(flat[max(0, fig.start - 40) : fig.start]))
        ):
            continue
        kept.append(fig)
    return kept


def role_of(window_before: str, window_after: str) -> str | None:
    last = None
    for m in _ROLE_RE.finditer(fold_case(window_before)):
        last = m.lastgroup
    if last:
        return last
    m = _ROLE_RE.search(fold_case(window_after)) if window_after else None
    return m.lastgroup if m else None


def assign_roles(flat: str, figures: list[Found], segments, callish: bool, kind: str = "") -> None:
    """Role per figure; ``kind`` is the guessed document kind.

    In a call notice a project's cost or support is a condition of the call
    ("kokonaiskustannusten tulee olla vähintään 200 000 euroa"), not a fact of a
    project; in call results a project's support is what it was granted.
    """
    group_project = bool(_GROUP_SIGNAL.search(flat))
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
        before = flat[before_from : fig.start]
        after = flat[fig.end : min(s_end, nxt)]
        role = role_of(before, after)
        if role == "call" and not callish:
            role = role_of(re.sub(r"ha(?:ku|un|ussa)\w*", "", before), after)
            role = None if role == "call" else role
        clause_start = s_start
        if role is None and flat[s_start : s_start + 2].lstrip()[:1] in ("-", "•", "*"):
            # a bullet list continues the clause that introduced it ("myöntää tukea seuraaville:")
            clause_start = segments.paragraph_start(fig.start)
            role = role_of(flat[clause_start:s_start], "")
        if role == "support" and _GRANTING.search(flat, clause_start, fig.start):
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
                scope = "part" if group_project and _PART_MARK.search(clause) else "project"
                paragraph_scope[paragraph] = scope
            else:
                scope = paragraph_scope.get(paragraph)
                if scope is None:
                    scope = "part" if group_project and _PART_MARK.search(clause) else "project"
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


_MONEY_LABEL = re.compile(
    r"^[-•*]?\s*(?P<label>(?:haettava\s+|myönnetty\s+|haettu\s+|julkinen\s+)?(?:tuki|tukisumma|rahoitus|kuntarahoitus|"
    r"omarahoitus(?:osuus)?|kokonaiskustannukset|kustannusarvio|kokonaisbudjetti|budjetti|myönnetty|"
    r"hankkeen\s+kokonaiskustannukset|kuntarahoitusosuus|stöd|totala\s+kostnader|budget)"
    r"(?:\s*\((?:€|eur|euroa)\))?)\s*[:\t]?\s*(?P<rest>.*)$",
    re.I,
)
_ONLY_NUMBER = re.compile(r"^(?P<num>\d{1,3}(?:[ .]\d{3})+|\d{3,9})(?:,(?P<dec>\d{2}))?$")


def form_figures(flat: str, known: list[Found]) -> list[tuple[Found, str]]:
    """Figures in printed forms where only the label says the number is euros.

    Labels and values are sometimes printed in separate blocks ("Tuki /
    Kokonaiskustannukset / 150 000 / 200 000"); they are paired in order.
    """
    taken = {f.start for f in known}
    lines, position = [], 0
    for line in flat.split("\n"):
        lines.append((position, line.strip()))
        position += len(line) + 1
    result: list[tuple[Found, str]] = []
    pending_labels: list[str] = []
    for start, line in lines:
        label = _MONEY_LABEL.match(line)
        if label:
            rest = label.group("rest").strip()
            number = _ONLY_NUMBER.match(rest.rstrip(" €").rstrip())
            if number:
                offset = start + line.index(rest)
                _add_bare(result, taken, offset, number, label.group("label"))
                continue
            if not rest:
                pending_labels.append(label.group("label"))
                continue
        number = _ONLY_NUMBER.match(line.rstrip(" €").rstrip())
        if number and pending_labels:
            _add_bare(result, taken, start, number, pending_labels.pop(0))
            continue
        if line and not number:
            pending_labels = [] if not label else pending_labels
    return _reorder_by_sum(result)


def _add_bare(result, taken, offset: int, number: re.Match, label: str) -> None:
    value = to_decimal(number.group("num"), number.group("dec"), None)
    if value is None or value < 100 or offset in taken:
        return
    result.append((Found(offset + number.start(), offset + number.end(), value, "exact"), label))


def _reorder_by_sum(pairs: list[tuple[Found, str]]) -> list[tuple[Found, str]]:
    """If total ≠ support + own financing in print order, use the order that adds up."""
    roles = [role_of(label, "") for _, label in pairs]
    if sorted(r for r in roles if r) != ["own_financing", "support", "total"] or len(pairs) != 3:
        return pairs
    values = [f.eur for f, _ in pairs]
    by_role = dict(zip(roles, values, strict=True))
    if by_role["total"] == by_role["support"] + by_role["own_financing"]:
        return pairs
    total = max(values)
    rest = sorted(v for v in values if v != total)
    if len(rest) != 2 or rest[0] + rest[1] != total:
        return pairs
    wanted = {"total": total, "support": rest[1], "own_financing": rest[0]}
    figures = {f.eur: f for f, _ in pairs}
    return [(figures[wanted[r]], label) for (_, label), r in zip(pairs, roles, strict=True)]
