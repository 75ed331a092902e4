"""What sort of document this is, from weighted signals.

Each kind has its own telltale words; the kind with the most weight wins and
too little weight means "unknown" rather than a guess.
"""

from __future__ import annotations

import re

from .scan import alternatives, gated, literal_run, lowered, word_first

_SIGNALS: dict[str, list[tuple[str, int]]] = {
    "decision": [(r"\bpäätti\b|\bbeslutade\b", 3), (r"(?:^|\n)Päätös:?\s*(?:\n|$)", 3), (r"\bMuutoksenhaku", 2),
                 (r"(?:^|\n)\s*(?:[A-ZÅÄÖ][\w-]*[ \t]+)?(?:\d{1,4}\s?§|§\s?\d{1,4})(?:[ \t]+[\d.]{8,10})?\s*(?:\n|$)", 2), (r"Pöytäkirja|PÖYTÄKIRJA|Protokoll", 1),
                 (r"(?:Päätösehdotus|Ehdotus|Beslutsförslag\w*|Förslag\w*)\s+(?:hyväksyttiin|godkändes)", 3),
                 (r"Päätöksen perustelut", 3), (r"\bHEL \d{4}-\d{6}", 1)],
    "agenda_item": [(r"Esityslista|Föredragningslista", 4), (r"Päätösehdotus|Beslutsförslag", 4),
                    (r"Esittelijä(?:n perustelut)?\b", 2), (r"(?:^|\n)\s*Asia\s?/\s?\d", 3), (r"\bpäättää\b", 1)],
    "funding_decision": [(r"Päätös\s+(?:ESR\+?|EAKR|JTF)?\s*-?\s*tuesta|tukipäätös|rahoituspäätös|Beslut om stöd", 6),
                         (r"Tuen\s?saaja|Stödmottagare", 3), (r"\bmyönnetään\b|\bmyöntää\b", 2),
                         (r"Hankekoodi|EURA", 2), (r"tukikelpoi", 1), (r"Oikaisuvaatimu", 1),
                         (r"(?:avustuksen|tuen)\s+(?:käyttötarkoitus|maksaminen|saaja|ehdot)|avustuspäätös", 3)],
    "call_notice": [(r"hakuilmoitus|Hakuaika|haku\s+(?:on\s+)?avoinna|haku\s+avautuu|hakemukset\s+(?:tulee|on)\s+jättää"
                     r"|ansökningstid|haettavana", 4), (r"\bhaku", 1), (r"haetaan\s+hankkeita|voivat hakea", 3),
                    (r"hakukriteer|valintakriteer|hakijat\b", 2)],
    "call_results": [(r"\brahoitusta\s+(?:sai|saivat|saa)\b|\bsai\s+\d|rahoitetaan\s+\d+\s+hanket|myönsi\s+(?:yhteensä\s+)?"
                      r"(?:rahoitusta|tukea)|valittiin|hakuun\s+saatiin|Toteutettu\s+\d+\s+\w*\s*hankehaku", 4),
                     (r"\btiedote\b|Pressmeddelande|hakemusta\b|\nuutinen\b|\njulkaistu\s", 2),
                     (r"myönnettiin\s+(?:seuraaville|\d)|on\s+tehnyt\s+rahoituspäätöks|\nmyönnetty\s+tuki\s*:"
                      r"|on\s+myöntänyt\s+(?:rahoitu|tuke|avustu)", 4),
                     (r"(?:^|\n)(?:rahoitetut|rahoitettavat|valitut|rahoitusta saaneet)\s+hankkeet", 3),
                     (r"hakemuksia\s+(?:saapui|saatiin|tuli)", 2), (r"\bon\s+myöntänyt\b", 1)],
    "presentation": [(r"(?:^|\n)Kiitos!?\s*(?:\n|$)", 3), (r"(?:^|\n)Lisätietoja\s*(?:\n|$)", 1),
                     (r"Euroopan unionin\s+osarahoittama", 2)],
    "project_description": [(r"Hankkeen\s+(?:kuvaus|tavoitteet|tiedot|kesto)|Projektin\s+kuvaus|Tiivistelmä", 3),
                            (r"Kohderyhmä|Toteutusaika|Hankeaika", 2), (r"Toteuttaja|Rahoittaja", 1),
                            (r"Tulokset|Toimenpiteet", 1)],
    "application": [(r"(?:^|\n)[^\n]{0,40}(?:hakemus|ansökan|hakulomake)\b(?!\s*:)[^\n.]{0,40}(?:\n|$)", 3),
                    (r"Hakija|Hakijaorganisaatio|Sökande", 1),
                    (r"Y-tunnus|FO-nummer", 1), (r"Haettava\s+tuki|Haettava\s+rahoitus", 3), (r"Allekirjoitus", 1)],
}  # fmt: skip
_LINE_START = "(?:^|\\n)"


def _checks(pattern: str) -> tuple:
    """Searches of which any one matching means that ``pattern`` matches somewhere.

    Only whether a signal occurs counts, so a pattern can be split into its
    alternatives, and a line-start alternative into "at the start" and "after a
    newline". Each piece comes with the words one of which every match holds, so
    that one pass over the text (a WordSet) rules most pieces out.
    """
    checks = []
    for alt in alternatives(pattern):
        line_start = alt.startswith(_LINE_START)
        alt = word_first(alt[len(_LINE_START) :] if line_start else alt)
        run = literal_run(alt)
        word = alt[:run] if run >= 3 else ""  # every match holds it: a str.find rules most out
        if line_start:
            checks += [(word, re.compile(alt).match), (word, re.compile("\\n" + alt).search)]
        else:
            checks.append((word, re.compile(alt).search if word else gated(alt).search))
    return tuple(checks)


# Matched against the lower-cased text (much faster than re.IGNORECASE); "decision" needs its capitals.
_COMPILED = {kind: [(_checks(p if kind == "decision" else p.lower()), w) for p, w in signals]
             for kind, signals in _SIGNALS.items()}  # fmt: skip
_MINIMUM = 4


def classify(flat: str, has_facts: bool) -> str:
    return pick(kind_scores(flat), has_facts)


def kind_scores(flat: str) -> dict[str, int]:
    low = lowered(flat)
    scores = {
        kind: sum(
            w for checks, w in signals if _any_match(checks, flat if kind == "decision" else low)
        )
        for kind, signals in _COMPILED.items()
    }
    if scores["presentation"]:
        # slides are mostly short lines
        lines = [line for line in flat.split("\n") if line.strip()]
        short = sum(1 for line in lines if len(line) < 60)
        if lines and short / len(lines) > 0.6:
            scores["presentation"] += 3
    return scores


def _any_match(checks: tuple, text: str) -> bool:
    return any((not word or word in text) and check(text) for word, check in checks)


def pick(scores: dict[str, int], has_facts: bool) -> str:
    scores = dict(scores)

    if scores["agenda_item"] >= 6:
        scores["agenda_item"] += 2
    kind, best = max(scores.items(), key=lambda item: item[1])
    if best < _MINIMUM and not has_facts:
        return "unknown"
    return kind if best >= 2 else "unknown"
