"""A report's breakdowns of participant indicators and its answers to the final report's
questions: checked as a whole with the report's values (`report_update`), every bad figure
named at once.

Why the categories must sum to the total: the funder reports each breakdown on to the
Commission beside the total, and a breakdown that does not add up is a figure nobody can use.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from hankesalkku.core.services import delete_recorded, save_validated

from ..models import BreakdownCategory, FinalReportAnswer, ReportBreakdownValue, ReportKind

ANSWER_MAX_LENGTH = 4000
"""A final report's answer is a few paragraphs; the material behind it goes in an attachment."""


def categories_of(indicator) -> list:
    return list(
        BreakdownCategory.objects.filter(breakdown__indicators=indicator).select_related(
            "breakdown"
        )
    )


def _whole(indicator, category, raw, errors):
    written = str(raw).strip().replace(" ", "").replace("\xa0", "")
    where = {"indicator": indicator, "category": category.name, "raw": raw}
    try:
        number = Decimal(written.replace(",", "."))
        if not number.is_finite() or number != number.to_integral_value():
            raise InvalidOperation
    except InvalidOperation:
        errors.append(_("%(indicator)s, %(category)s: ”%(raw)s” ei ole kokonaisluku.") % where)
        return None
    if number < 0:
        errors.append(_("%(indicator)s, %(category)s: määrä ei voi olla negatiivinen.") % where)
        return None
    return int(number)


def clean_breakdown(indicator, total, raw: dict, errors: list) -> dict:
    """{category: whole number} for one indicator's value, or {} with the reasons in `errors`.

    `raw` maps a category's id to what was written. Given a total, every category of each of
    the indicator's breakdowns is asked and they must add up to the total; without a total,
    no category may be given either."""
    categories = categories_of(indicator)
    known = {str(c.pk): c for c in categories}
    given = {}
    for key, value in (raw or {}).items():
        category = known.get(str(key))
        if category is None:
            errors.append(
                _("%(indicator)s: tuntematon jaottelun luokka ”%(key)s”.")
                % {"indicator": indicator, "key": key}
            )
        elif str(value).strip():
            given[category] = value
    if not categories:
        return {}
    if total is None:
        if given:
            errors.append(
                _("%(indicator)s: anna kokonaismäärä, kun annat sen jaottelun.")
                % {"indicator": indicator}
            )
        return {}
    before = len(errors)
    cleaned = {c: _whole(indicator, c, value, errors) for c, value in given.items()}
    by_breakdown: dict = {}
    for category in categories:
        by_breakdown.setdefault(category.breakdown, []).append(category)
    for breakdown, members in by_breakdown.items():
        missing = [c.name for c in members if c not in given]
        where = {"indicator": indicator, "breakdown": breakdown.name}
        if missing:
            errors.append(
                _("%(indicator)s, %(breakdown)s: anna jokaisen luokan määrä (puuttuu: %(names)s).")
                % {**where, "names": ", ".join(missing)}
            )
            continue
        numbers = [cleaned[c] for c in members]
        if None in numbers:
            continue
        if sum(numbers) != total:
            errors.append(
                _(
                    "%(indicator)s, %(breakdown)s: luokkien summa %(sum)s ei ole sama kuin "
                    "kokonaismäärä %(total)s."
                )
                % {**where, "sum": sum(numbers), "total": f"{total:n}"}
            )
    return cleaned if len(errors) == before else {}


def breakdown_save(value, cleaned: dict) -> None:
    """Store one value's category figures; a value without a total keeps none."""
    kept = {b.category_id: b for b in value.breakdown_values.all()}
    for category, number in cleaned.items():
        figure = kept.pop(category.pk, None) or ReportBreakdownValue(value=value, category=category)
        if figure.pk is None or figure.number != number:
            figure.number = number
            save_validated(figure)
    if not cleaned:
        for figure in kept.values():
            delete_recorded(figure)


def clean_answers(report, raw: dict, errors: list) -> dict:
    """{question: text} of a final report; the questions are the call's."""
    if not raw:
        return {}
    questions = {str(q.pk): q for q in report.application.entity.call.final_report_questions.all()}
    cleaned = {}
    for key, text in raw.items():
        question = questions.get(str(key))
        if question is None or report.kind != ReportKind.FINAL:
            errors.append(_("Kysymys %(key)s ei kuulu tähän raporttiin.") % {"key": key})
            continue
        text = str(text or "").strip()
        if len(text) > ANSWER_MAX_LENGTH:
            errors.append(
                _("%(question)s: vastaus saa olla enintään %(max)s merkkiä (nyt %(n)s).")
                % {"question": question, "max": ANSWER_MAX_LENGTH, "n": len(text)}
            )
            continue
        cleaned[question] = text
    return cleaned


def answers_save(report, cleaned: dict) -> None:
    for question, text in cleaned.items():
        answer = FinalReportAnswer.objects.filter(report=report, question=question).first()
        answer = answer or FinalReportAnswer(report=report, question=question)
        if answer.pk is None or answer.text != text:
            answer.text = text
            save_validated(answer)
