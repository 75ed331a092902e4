"""The ESR+ theme's illustrative projects report the ESF+ common indicators for 2024: each main
implementer states targets for participants and sends one accepted yearly report, so the
theme's aggregation and the overview's exports have figures to show. All figures are made up
for the demo (the projects are illustrative), never taken from a statistic.

Beside the ESF+ common indicators the ESR+ programme has two indicators of its own, so that a
programme's indicators show on every call's framework and report form: they too are made up
for the demo (named so), not the programme document's."""

from hankesalkku.projects.models import Application, ApplicationRole, ApplicationStatus
from hankesalkku.reporting import services as reporting
from hankesalkku.reporting.models import BreakdownCategory, Indicator

# code, 2024 value and target for the first project; later ones scale by their position
FIGURES = [
    ("EECO01", 120, 400),  # participants
    ("EECO02", 18, 60),  # unemployed
    ("EECO06", 85, 300),  # under 18
    ("EECO07", 22, 80),  # 18–29
    ("EECO18", 3, 6),  # public administrations or services supported
    ("EECR02", 9, 30),  # in education or training upon leaving
]

SHARES = {"gender": (55, 43, 2), "age": (30, 35, 25, 10), "education": (40, 40, 20)}
"""Illustrative shares (%) of each breakdown's categories, in the reference data's order."""


PROGRAMME_INDICATORS = [
    # code, name, unit, 2024 value and target for the first project
    (
        "UOS1",
        "Kehittämiseen osallistuneet lapset, nuoret ja perheet (havainnollistava)",
        "henkilöä",
        40,
        150,
    ),
    ("UOS2", "Vakiintuneet toimintamallit (havainnollistava)", "kpl", 1, 3),
]
PROGRAMME_DEFINITION = (
    "Havainnollistava ohjelmakohtainen indikaattori demoa varten: ei ohjelma-asiakirjan "
    "indikaattori, luvut keksittyjä."
)


def programme_indicators_demo(actor, programme) -> dict:
    """{code: indicator} of the programme's own illustrative indicators."""
    return {
        code: reporting.programme_indicator_create(
            actor=actor,
            programme=programme,
            code=code,
            name=name,
            unit=unit,
            definition=PROGRAMME_DEFINITION,
        )
        for code, name, unit, _value, _target in PROGRAMME_INDICATORS
    }


def illustrative_breakdowns(indicator, total: int) -> dict:
    """{category pk: figure} splitting `total` by SHARES, the rounding left in the last one."""
    found = {}
    for breakdown in indicator.breakdowns.all():
        categories = list(BreakdownCategory.objects.filter(breakdown=breakdown))
        shares = SHARES.get(breakdown.slug) or (100,) * len(categories)
        figures = [total * share // sum(shares) for share in shares[: len(categories)]]
        figures[-1] += total - sum(figures)
        found.update({c.pk: str(n) for c, n in zip(categories, figures, strict=False)})
    return found


def esf_reports_demo(actor, call) -> int:
    """Yearly periods for the call and one accepted 2024 report per main implementer."""
    periods = reporting.report_periods_create_yearly(
        actor=actor, call=call, first_year=2024, last_year=2026, due_month=2, due_day=28
    )
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(
            code__in=[c for c, *_ in FIGURES], call__isnull=True, programme__isnull=True
        )
    }
    own = programme_indicators_demo(actor, call.programme)
    figures_of = [*FIGURES, *((code, v, t) for code, _n, _u, v, t in PROGRAMME_INDICATORS)]
    indicators = {**indicators, **own}
    parts = Application.objects.filter(
        entity__call=call,
        status=ApplicationStatus.FUNDED,
        role=ApplicationRole.MAIN_IMPLEMENTER,
        is_illustrative=True,
    ).order_by("pk")
    count = 0
    for position, part in enumerate(parts):
        scale = 1 + (position % 4) * 0.5
        for code, _value, target in figures_of:
            reporting.target_create(
                actor=actor,
                application=part,
                indicator=indicators[code],
                target=int(target * scale),
            )
        report = reporting.report_create(actor=actor, application=part, period=periods[0])
        figures = {indicators[code]: int(value * scale) for code, value, _t in figures_of}
        reporting.report_update(
            actor=actor,
            report=report,
            values={indicator.pk: str(n) for indicator, n in figures.items()},
            breakdowns={
                indicator.pk: illustrative_breakdowns(indicator, n)
                for indicator, n in figures.items()
                if indicator.breakdowns.exists()
            },
            narrative="Havainnollistava vuosiraportti ESR+-yhteisindikaattoreista.",
        )
        reporting.report_submit(actor=actor, report=report)
        reporting.report_accept(actor=actor, report=report)
        count += 1
    return count
