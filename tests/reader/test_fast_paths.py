"""Rewritten hot spots must answer exactly as the plain patterns they replace.

Each test keeps the plain form (the pattern as first written, or the code it replaced)
and compares it with the fast form on the evaluation documents, on pieces of them cut
at awkward places, and on made-up strings aimed at the edges of each rewrite.
"""

from __future__ import annotations

import random
import re

import pytest

from hankesalkku.reader import (
    amount_roles,
    dates,
    districts,
    fields,
    forms,
    headers,
    inflection,
    kinds,
    money,
    organisations,
    patterns,
    roles,
    tables,
)
from hankesalkku.reader.scan import (
    alternatives,
    by_first_letter,
    fold_case,
    folded,
    literal_run,
    word_first,
)
from hankesalkku.reader.textview import _HSPACE, _ODD_SPACE


@pytest.fixture(scope="module")
def pieces(flats) -> list[str]:
    """Cuts of the documents starting and ending anywhere, also inside words."""
    rng = random.Random(1)
    out = []
    for flat in flats:
        for _ in range(60):
            start = rng.randrange(len(flat) + 1)
            out.append(flat[start : start + rng.choice((3, 15, 60, 250))])
    return out


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def test_pattern_helpers_split_and_reorder_without_changing_matches():
    assert alternatives(r"a(?:b|c)|[|]d|\|e") == ["a(?:b|c)", "[|]d", r"\|e"]
    assert literal_run("haku+") == 3 and literal_run(r"sai\s") == 3
    assert word_first(r"\bsai\s+\d") == r"sai(?<!\w.{3})\s+\d"
    text = "sai 5, xsai 6, sai\n7 ja hakusai 8"
    for plain in (r"\bsai\s+\d", r"\bhaku|\bsai\b", r"\bx+y"):
        fast = "|".join(word_first(alt) for alt in alternatives(plain))
        assert _spans(re.finditer(fast, text)) == _spans(re.finditer(plain, text))
    grouped = by_first_letter(["saivat", "sai", "tuki", "saa"])
    assert grouped == "s(?:aivat|ai|aa)|tuki"
    assert re.findall(grouped, "sai saivat tuki saa") == ["sai", "saivat", "tuki", "saa"]


def _role_of_plain(before: str, after: str) -> str | None:
    last = None
    for m in amount_roles._ROLE_RE.finditer(fold_case(before)):
        last = m.lastgroup
    if last:
        return last
    m = amount_roles._ROLE_RE.search(fold_case(after)) if after else None
    return m.lastgroup if m else None


def test_role_words_are_read_as_the_named_group_pattern_reads_them(flats, pieces):
    for piece in pieces:
        assert amount_roles.role_of(piece, piece[::-1]) == _role_of_plain(piece, piece[::-1])
    for flat in flats:
        low = folded(flat)
        # windows that start inside or right before a role word, as after a figure
        for m in re.finditer(r"sai|tuki|tuen|hau|haku|myön|rahoit|kunta|oma|stöd|budjet", low):
            for start in range(max(0, m.start() - 2), m.start() + 3):
                for end in (start, start + 4, start + 40):
                    window = (start, min(end, len(flat)))
                    fast = amount_roles._role_in(flat, low, window, window)
                    assert fast == _role_of_plain(flat[slice(*window)], flat[slice(*window)])
                    fast = amount_roles._role_in(flat, low, (start, start), window)
                    assert fast == _role_of_plain("", flat[slice(*window)])


def test_qualifiers_part_marks_and_granting_words_as_the_plain_patterns(flats, pieces):
    granting = re.compile(r"myönn(?!ettäv)\w*|myöntä\w*|myönsi|myöntänyt|\bsai\b|\bsaivat\b", re.I)
    group = re.compile(
        r"pääkoordinaat|osatoteutta|ryhmähanke|yhteishanke|osahank|hankeosuu|päätoteutta", re.I
    )
    made_up = ["Noin 5", "ENINT. 6", "n. 7", "xnoin 8", "max 9", "Helsingin hankkeen osuus",
               "tuen osuus", "kulttuuritoimialan  hanke", "Toteuttajakohtainen", "SAI 5"]  # fmt: skip
    for text in [*flats, *pieces, *made_up, " ".join(made_up)]:
        low = folded(text)
        assert bool(amount_roles._GROUP_SIGNAL.search(low)) == bool(group.search(text))
        assert amount_roles._part_mark(text) == bool(amount_roles._PART_MARK.search(text))
        for end in range(0, len(text) + 1, 7 if len(text) > 200 else 1):
            m = money._QUALIFIER.search(text, max(0, end - 32), end)
            plain = money._QUALIFIERS.get(m.group("q").lower(), "exact") if m else "exact"
            assert money.qualifier_before(text, end) == plain
            start = max(0, end - 40)
            assert bool(amount_roles._GRANTING.search(low, start, end)) == bool(
                granting.search(text, start, end)
            )


def test_kind_signals_score_as_the_whole_patterns(flats, pieces):
    plain = {
        kind: [(re.compile(p if kind == "decision" else p.lower()), w) for p, w in signals]
        for kind, signals in kinds._SIGNALS.items()
    }
    for text in [*flats, *pieces, "Asia/6", "  \n asia / 7", "Kiitos", "x\nPäätös:\n"]:
        low = text.lower()
        expected = {
            kind: sum(w for p, w in signals if p.search(text if kind == "decision" else low))
            for kind, signals in plain.items()
        }
        scores = kinds.kind_scores(text)
        assert scores["presentation"] - expected.pop("presentation") in (0, 3)  # slides: +3
        assert {k: scores[k] for k in expected} == expected


def test_label_rows_are_found_as_the_plain_label_pattern_finds_them(flats, pieces):
    tail = roles._LABEL_TAIL.replace(
        by_first_letter(sorted(roles._LABELS, key=len, reverse=True)),
        "|".join(sorted(roles._LABELS, key=len, reverse=True)),
    )
    plain = {
        roles._LABEL_RE: re.compile(r"(?:^|\n|\.\s)(?:[\w ]{1,30}\s/\s)?" + tail),
        roles._LABEL_RE_PLAIN: re.compile(r"(?:^|\n|\.\s)" + tail),
    }
    made_up = "Osa / Toteuttaja: X Oy\n- hakija: Y ry. Rahoittaja\nZ-keskus\nab / cd / Partnerit: Q"
    for text in [*flats, *pieces, made_up, "toteuttaja: alussa oy"]:
        low = folded(text)
        for fast, slow in plain.items():
            assert _spans(roles._label_matches(fast, low)) == _spans(slow.finditer(low))


def test_district_name_tree_finds_what_the_list_of_names_finds(flats, pieces):
    names = "|".join(
        f"{re.escape(s[0])}(?<![\\w-]{re.escape(s[0])}){re.escape(s[1:])}"
        for s in sorted(districts._STEMS, key=len, reverse=True)
    )
    plain = re.compile(r"(" + names + r")[a-zåäö]{0,6}(?![\w-])")
    made_up = " ".join(f"x{s} {s}ssa {s}-talo {s}abcdefg" for s in districts._STEMS)
    for text in [*flats, *pieces, made_up]:
        assert _spans(districts._PATTERN.finditer(text)) == _spans(plain.finditer(text))


def test_dates_starting_with_a_digit_match_as_the_look_behind_forms(flats, pieces):
    dash = dates._DASH
    plain = {
        dates.DATE: r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)",
        dates.ISO_DATE: r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)",
        dates.DATE_RANGE: r"(?<![\d.])(\d{1,2})\.(?:\s?(\d{1,2})\.(?:\s?((?:19|20)\d{2}))?)?"
        + dash
        + r"(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)",
        dates.YEAR_RANGE: r"(?<![\d.])((?:19|20)\d{2})" + dash + r"((?:19|20)?\d{2})(?!\d|\.\d)",
    }
    made_up = "1.2.2024 11.12.2025-1.1.2026 .1.2.2024 2021-2027 x2021–22 2024-01-31 12024-01-31"
    for text in [*flats, *pieces, made_up]:
        for fast, slow in plain.items():
            assert _spans(fast.finditer(text)) == _spans(re.finditer(slow, text))


def test_mentions_skip_only_patterns_whose_words_the_document_lacks(flats):
    # An ELY centre is named in the form the whole document uses (short if it says "ELY"
    # anywhere), which a piece alone cannot know: only its region is compared.
    def same_centre(mentions):
        return [(s, e, n.replace(organisations._LONG_ELY, "ELY-keskus")) for s, e, n in mentions]

    for flat in flats:
        for start in range(0, len(flat), 97):
            piece = flat[start : start + 150]
            assert same_centre(organisations.known_mentions(piece, flat)) == same_centre(
                organisations.known_mentions(piece)
            )


def test_word_tests_in_front_of_patterns_never_skip_a_change(flats, pieces):
    for text in [*flats, *pieces, "a\u00a0b", "a  b", "a\tb", "X Oy (XAMK)", "Y hankkeessa"]:
        for line in text.split("\n"):
            assert (_HSPACE.search(line) is not None) == (
                "  " in line or _ODD_SPACE.search(line) is not None
            )
        assert organisations._ODD_SPACE.search(text) or re.sub(r"\s+", " ", text) == text
        last = re.search(r"[\w-]+$", text)
        expected = None
        if last:
            word, low = last.group(), last.group().lower()
            for cut in range(len(word)):
                nominative = inflection._FORMS.get(low[cut:])
                if nominative is not None:
                    if word[cut].isupper():
                        nominative = nominative[:1].upper() + nominative[1:]
                    expected = text[: last.start() + cut] + nominative
                    break
        assert inflection.head_nominative(text) == expected


def test_figures_and_funder_context_as_the_plain_patterns(flats, pieces):
    funder = re.compile(fields._FUNDER_CONTEXT.pattern, re.I)
    made_up = ["1,5 M€ ja 2 Meur", "x1 MEUR", "3.5 M€", "4 000 000 M€", "M€ 5 M€", "RAHOITTAJA: X"]
    for text in [*flats, *pieces, *made_up, " ".join(made_up)]:
        assert _spans(money._meur_matches(text)) == _spans(money.MEUR.regex.finditer(text))
        assert _spans(fields._FUNDER_CONTEXT.finditer(folded(text))) == _spans(
            funder.finditer(text)
        )
        for line in text.split("\n"):
            if forms._MONEY_LABEL.match(line.strip()):
                assert forms._MONEY_WORD.search(folded(line))
            if forms._ONLY_NUMBER.match(line.strip()):
                assert line.strip()[:1].isdecimal()


def test_euro_column_headings_are_the_lines_the_plain_pattern_finds(flats, pieces):
    made_up = [
        "euroa\t%\nKokonaiskustannukset\t480 000\t100\n",
        "Rahoitus\teuroa\t%\nTuki\t1 000\t50\n",
        "\neur\n€\tx\n" + "a" * 41 + "\teuroa\n",
        "euroa\teuroa\teuro\n€€\n\teur\n",
        "Kustannukset euroa\nEUR\t\t12345678901234\n",
        "euroa",
    ]
    for text in [*flats, *pieces, *made_up, "\n".join(made_up)]:
        with_tabs = text.replace("  ", "\t")
        for case in (text, with_tabs):
            plain = [m.end() for m in tables._EURO_HEADING.finditer(case)]
            assert list(tables._heading_ends(case)) == plain


def test_section_lines_and_header_dates_as_the_plain_patterns(flats, pieces):
    made_up = [
        "54 §", "\n§ 54\n", "Kokous 12\n§\n", "x\n\n12 §", "3.4.2024 12 §\n", "Asia 12 \n§ 3",
        "§\n54", "Kaupunginhallitus 04.12.2023 § 198\n", "2024 \t §", "2024§", "2024/Pykälä 1",
        "x2024/Paragraf", "§§ 12 §", "\n", "",
    ]  # fmt: skip
    for text in [*flats, *pieces, *made_up, "\n".join(made_up)]:
        plain = patterns.SECTION_LINE.regex.search(text)
        fast = patterns.section_line(text)
        assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups()))
        head = text[:1500]
        assert headers._header_gate(head) == bool(headers._HEADER_GATE.search(head))
