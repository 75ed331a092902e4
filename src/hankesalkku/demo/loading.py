"""`hankesalkku demo`: the programme the five seed documents describe, as live records.

Facts carry a SourceReference to the sentence they rest on; records that only complete the
counts of seed 002 are flagged `is_illustrative` and shown as such.
"""

from dataclasses import dataclass, field

from django.db import transaction

from hankesalkku.programmes.models import Programme

from . import applications, decision_54, decision_63, helsinki, illustrative, programme
from . import helsingin_malli as malli
from . import reporting as demo_reporting
from . import reporting_esf as demo_reporting_esf
from .assessment import assessment_demo
from .payments import illustrative_payments
from .sources import Citer

DEMO_MARKER_SLUG = "uudistuva-ja-osaava-suomi-2021-2027"


@dataclass
class DemoResult:
    created: bool
    missing_quotes: list = field(default_factory=list)


def demo_loaded() -> bool:
    return Programme.objects.filter(slug=DEMO_MARKER_SLUG).exists()


@transaction.atomic
def load_demo(*, actor) -> DemoResult:
    """Load once; a second call leaves the database as it is."""
    if demo_loaded():
        return DemoResult(created=False)
    cite = Citer(actor)
    orgs = programme.authorities(actor, cite)
    esr, objective = programme.programme_structure(actor, cite)
    theme_data = programme.theme_and_calls(actor, cite, esr, objective, orgs)
    theme, calls = theme_data["theme"], theme_data["calls"]
    programme.coordination_figures(actor, cite, theme)

    city = helsinki.helsinki_organisations(actor, cite)
    decision_54.decision_54(actor, cite, city, theme, calls["2023"], objective, orgs["ely"])
    decision_63.decision_63(actor, cite, city, objective)
    applications.seed_submissions(actor)
    applications.draft_group_application(actor, city=city, call=calls["2025"])
    applications.draft_attachment(actor)
    malli_data = malli.helsingin_malli(actor, cite, city)
    demo_reporting.reporting_demo(actor, malli_data["call"])

    ministries = {"OKM": orgs["okm"], "STM": orgs["stm"]}
    illustrative.illustrative_portfolio(
        actor,
        theme=theme,
        call=calls["2023"],
        objective=objective,
        ely=orgs["ely"],
        ministries=ministries,
    )
    illustrative.coordination_project(
        actor, cite, objective=objective, ely=orgs["ely"], okm=orgs["okm"]
    )
    illustrative_payments(actor)
    demo_reporting_esf.esf_reports_demo(actor, calls["2023"])
    assessment_demo(actor, call=calls["2024"], ely=orgs["ely"], stm=orgs["stm"])
    return DemoResult(created=True, missing_quotes=cite.missing_quotes)
