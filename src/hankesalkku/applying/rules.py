"""The checks an implementer's part must pass before it is ready: every problem, with its field.

Used by `application_mark_ready` and `application_submit` (which refuse with all of them) and
by the page's live check (which lists them as the user types), so the two never disagree.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from hankesalkku.core.money import format_rate
from hankesalkku.projects.models import CostCategory

from . import costs, financing
from .models import CallRules


def rules_for(call) -> CallRules:
    """The call's rules, or the defaults (every type, flat rate on, no lump sum) when none."""
    if call is None:
        return CallRules()
    return CallRules.objects.filter(call=call).first() or CallRules(call=call)


def budget_problems(lines, rules: CallRules, *, starts=None, ends=None) -> list[tuple[str, str]]:
    """Problems of the lines themselves: lump sum, years outside the period."""
    problems = []
    lump = sum(
        (line["amount"] for line in lines if line["category"] == CostCategory.LUMP_SUM),
        Decimal("0"),
    )
    if lump:
        problem = costs.lump_sum_problem(
            lump, allowed=rules.lump_sum_allowed, ceiling=rules.lump_sum_ceiling
        )
        if problem == "not_allowed":
            problems.append(("budget", _("Kertakorvaus ei ole tässä haussa sallittu.")))
        elif problem == "over_ceiling":
            problems.append(
                (
                    "budget",
                    _("Kertakorvaus %(amount)s € ylittää haun enimmäismäärän %(max)s €.")
                    % {
                        "amount": costs.fi_amount(lump),
                        "max": costs.fi_amount(rules.lump_sum_ceiling),
                    },
                )
            )
    if starts and ends:
        for line in lines:
            if not starts.year <= line["year"] <= ends.year:
                problems.append(
                    (
                        "budget",
                        _("Vuosi %(year)s on hankkeen toteutusajan ulkopuolella.")
                        % {"year": line["year"]},
                    )
                )
    return problems


def attachment_problems(application, rules: CallRules) -> list[tuple[str, str]]:
    """Each of the call's required attachments needs a file in the draft."""
    from .services.attachments import required_attachments

    have = set(application.attachments.current().values_list("purpose", flat=True))
    return [
        ("attachments", _("Liite puuttuu: %(name)s.") % {"name": name})
        for name in required_attachments(rules)
        if name not in have
    ]


def application_problems(application) -> list[tuple[str, str]]:
    """Every reason the part may not be submitted, as (field, Finnish message)."""
    entity = application.entity
    call = entity.call
    rules = rules_for(call)
    problems: list[tuple[str, str]] = []
    lines = [
        {"category": line.category, "year": line.year, "amount": line.amount}
        for line in application.budget_lines.all()
    ]
    if not lines:
        problems.append(("budget", _("Talousarviossa ei ole yhtään riviä.")))
    budget_total = sum((line["amount"] for line in lines), Decimal("0"))
    if application.total_cost != budget_total:
        problems.append(
            (
                "total_cost",
                _("Kokonaiskustannukset eivät ole talousarvion summa %(sum)s €.")
                % {"sum": costs.fi_amount(budget_total)},
            )
        )
    if (
        application.total_cost is not None
        and application.components_total() != application.total_cost
    ):
        problems.append(
            (
                "total_cost",
                _(
                    "Rahoitus ei täsmää: osuudet ovat yhteensä %(sum)s €, "
                    "kokonaiskustannukset %(total)s €."
                )
                % {
                    "sum": costs.fi_amount(application.components_total()),
                    "total": costs.fi_amount(application.total_cost),
                },
            )
        )
    if not application.support:
        problems.append(("support", _("Haettua tukea ei ole annettu.")))
    rate = application.support_rate
    if (
        call
        and call.max_support_rate is not None
        and rate is not None
        and rate > call.max_support_rate
    ):
        problems.append(
            (
                "support",
                _("Tukiprosentti %(rate)s ylittää haun enimmäistukiprosentin %(max)s.")
                % {"rate": format_rate(rate), "max": format_rate(call.max_support_rate)},
            )
        )
    starts, ends = application.starts, application.ends
    if not starts or not ends:
        problems.append(("starts", _("Toteutusaika (alkaa ja päättyy) puuttuu.")))
    elif call and (
        (call.starts_year and starts.year < call.starts_year)
        or (call.ends_year and ends.year > call.ends_year)
    ):
        problems.append(
            (
                "ends",
                _("Toteutusaika on haun avustuskauden %(start)s–%(end)s ulkopuolella.")
                % {"start": call.starts_year or "", "end": call.ends_year or ""},
            )
        )
    problems += budget_problems(lines, rules, starts=starts, ends=ends)
    problems += financing.municipal_problems(application)
    problems += financing.entity_problems(application)
    problems += attachment_problems(application, rules)
    if not rules.allows_type(application.organisation.organisation_type):
        problems.append(
            (
                "organisation",
                _("Organisaatiotyyppi ”%(type)s” ei ole tässä haussa hakukelpoinen.")
                % {"type": application.organisation.get_organisation_type_display()},
            )
        )
    return problems
