"""Writes of applying: start an application, invite a co-implementer, set the budget, submit.

Each is a `@service` that checks the permission functions and the call's rules, then calls the
projects services for the records projects owns (the entity, each part and its financing), so
one application is written the same way from a page, the API or the demo.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import check_version, delete_recorded, save_validated, service
from hankesalkku.projects.models import (
    ApplicationRole,
    ApplicationStatus,
    CostCategory,
    ProjectKind,
)
from hankesalkku.projects.services import (
    application_create,
    application_update,
    project_entity_create,
    project_entity_update,
)

from .. import costs, permissions
from ..models import BudgetLine, CallRules
from ..rules import budget_problems, rules_for
from .attachments import attachment_add, attachment_record, attachment_remove
from .submit import application_mark_ready, application_submission_record, application_submit

__all__ = [
    "application_budget_record",
    "application_budget_set",
    "application_mark_ready",
    "application_part_add",
    "application_start",
    "application_submission_record",
    "application_submit",
    "attachment_add",
    "attachment_record",
    "attachment_remove",
    "call_rules_set",
]

FINANCING_FIELDS = (
    "support",
    "municipal_financing",
    "other_public_financing",
    "private_financing",
)
"""Typed by the applicant; own financing is what is left of the total (kept in step)."""

QUALIFIER_FIELDS = tuple(
    f"{name}_qualifier"
    for name in ("total_cost", "support", "own_financing", *FINANCING_FIELDS[1:])
)
""""At most" and "about" kept with each amount, as the city's decision states it (seed 001)."""
LINKS = ("municipal_financing_payer", "municipal_financing_budget_item")


def _require(decision) -> None:
    allowed, reason = decision
    if not allowed:
        raise PermissionDenied(reason)


def _eligible(call, organisation, field: str) -> None:
    if not rules_for(call).allows_type(organisation.organisation_type):
        raise ValidationError(
            {
                field: _("Organisaatiotyyppi ”%(type)s” ei ole tässä haussa hakukelpoinen.")
                % {"type": organisation.get_organisation_type_display()}
            }
        )


@service
def call_rules_set(*, actor, call, expected_version: int | None = None, **rules):
    """A call's rules for applicants, created on first use and updated after (the admin, demo)."""
    record = CallRules.objects.filter(call=call).first() or CallRules(call=call)
    for name, value in rules.items():
        setattr(record, name, value)
    return save_validated(record, expected_version=expected_version)


@service
def application_start(*, actor, call, organisation, name: str, acronym: str = "", **fields):
    """A preparer starts from an open call: the project entity and the lead's own part."""
    _require(permissions.can_start_application(actor, call, organisation))
    _eligible(call, organisation, "organisation")
    if not (name or "").strip():
        raise ValidationError({"name": _("Anna hankkeelle nimi.")})
    entity = project_entity_create(
        actor=actor,
        name=name.strip(),
        acronym=acronym.strip(),
        kind=ProjectKind.SINGLE,
        call=call,
        theme=call.theme,
        funding_authority=call.funding_authority,
        **fields,
    )
    return application_create(
        actor=actor, entity=entity, organisation=organisation, role=ApplicationRole.IMPLEMENTER
    )


@service
def application_part_add(*, actor, entity, organisation):
    """The lead invites a co-implementer: the entity becomes a group project with a new part."""
    _require(permissions.can_add_part(actor, entity))
    _eligible(entity.call, organisation, "organisation")
    if entity.applications.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": _("Organisaatiolla on jo osa tässä hankkeessa.")})
    if entity.kind != ProjectKind.GROUP:
        project_entity_update(actor=actor, entity=entity, kind=ProjectKind.GROUP)
        lead = permissions.lead_application(entity)
        lead.role = ApplicationRole.MAIN_IMPLEMENTER
        save_validated(lead, update_fields=["role"])
    return application_create(
        actor=actor, entity=entity, organisation=organisation, role=ApplicationRole.CO_IMPLEMENTER
    )


def compute_lines(raw_lines, rules, *, use_flat_rate: bool) -> tuple[list[dict], dict]:
    """Typed lines → stored lines: unit costs and the flat rate computed, with their working.

    Returns the lines and the errors by field; nothing is saved here (the live check uses it).
    """
    errors: dict[str, list[str]] = {}
    lines: list[dict] = []
    for raw in raw_lines:
        line = dict(raw)
        if line["category"] == CostCategory.FLAT_RATE:
            continue  # always computed, never typed
        if line.get("annual_pay") is not None and line.get("hours") is not None:
            if line["category"] != CostCategory.STAFF:
                errors.setdefault("budget", []).append(
                    _(
                        "Yksikkökustannus (vuosipalkka ja tunnit) koskee vain henkilöstökustannuksia."
                    )
                )
                continue
            computed = costs.staff_unit_cost(line["annual_pay"], line["hours"])
            line.update(amount=computed.amount, working=computed.working)
        if line.get("amount") is None:
            errors.setdefault("budget", []).append(_("Rivin summa puuttuu."))
            continue
        line["amount"] = costs.cents(line["amount"])
        lines.append(line)
    if use_flat_rate:
        if not rules.flat_rate_allowed:
            errors.setdefault("use_flat_rate", []).append(_("Haussa ei käytetä 40 %:n flat ratea."))
        covered = {
            CostCategory.PURCHASED_SERVICES,
            CostCategory.TRAVEL,
            CostCategory.EQUIPMENT,
            CostCategory.OTHER,
        }
        if any(line["category"] in covered for line in lines):
            errors.setdefault("budget", []).append(
                _(
                    "Flat rate kattaa muut kuin henkilöstökustannukset: poista ostopalvelut, "
                    "matkat, laitteet ja muut kustannukset tai luovu flat ratesta."
                )
            )
        for year in sorted(
            {line["year"] for line in lines if line["category"] == CostCategory.STAFF}
        ):
            staff = sum(
                (
                    x["amount"]
                    for x in lines
                    if x["category"] == CostCategory.STAFF and x["year"] == year
                ),
                Decimal("0"),
            )
            computed = costs.flat_rate(staff)
            lines.append(
                {
                    "category": CostCategory.FLAT_RATE,
                    "year": year,
                    "amount": computed.amount,
                    "working": computed.working,
                }
            )
    return lines, errors


@service
def application_budget_set(
    *,
    actor,
    application,
    lines,
    use_flat_rate: bool = False,
    starts=None,
    ends=None,
    expected_version: int | None = None,
    **financing,
):
    """Replace the part's budget lines and keep its financing in step with their total.

    `lines` are dicts of category, year and amount (or annual_pay and hours for a staff unit
    cost). The financing fields given replace the stored ones; own financing is what is left,
    and a support rate, lump sum or period the call refuses is told by field, nothing saved.
    """
    _require(permissions.can_edit_application(actor, application))
    return _replace_budget(
        application,
        lines,
        use_flat_rate=use_flat_rate,
        starts=starts,
        ends=ends,
        expected_version=expected_version,
        actor=actor,
        **financing,
    )


@service
def application_budget_record(
    *, actor, application, lines, use_flat_rate: bool = False, starts=None, ends=None, **financing
):
    """A draft's budget recorded by the demo (no person's role): the same checks and working."""
    if application.status not in ApplicationStatus.editable():
        raise ValidationError({"status": _("Lähetettyä hakemusta ei voi muokata.")})
    return _replace_budget(
        application,
        lines,
        use_flat_rate=use_flat_rate,
        starts=starts,
        ends=ends,
        actor=actor,
        **financing,
    )


def _replace_budget(
    application, lines, *, actor, use_flat_rate, starts, ends, expected_version=None, **financing
):
    check_version(application, expected_version)
    rules = rules_for(application.entity.call)
    starts, ends = starts or application.starts, ends or application.ends
    computed, errors = compute_lines(lines, rules, use_flat_rate=use_flat_rate)
    for field, message in budget_problems(computed, rules, starts=starts, ends=ends):
        errors.setdefault(field, []).append(message)
    unknown = set(financing) - set(FINANCING_FIELDS) - set(LINKS) - set(QUALIFIER_FIELDS)
    if unknown:
        errors.setdefault("__all__", []).append(
            _("Tuntematon rahoituskenttä: %s") % ", ".join(sorted(unknown))
        )
    if errors:
        raise ValidationError(errors)
    total = sum((line["amount"] for line in computed), Decimal("0"))
    amounts = {name: financing.get(name, getattr(application, name)) for name in FINANCING_FIELDS}
    others = sum((value or Decimal("0") for value in amounts.values()), Decimal("0"))
    if others > total:
        raise ValidationError(
            {
                "support": _(
                    "Tuki ja muu rahoitus (%(others)s €) ovat yhteensä enemmän kuin kustannukset "
                    "(%(total)s €)."
                )
                % {"others": costs.fi_amount(others), "total": costs.fi_amount(total)}
            }
        )
    extra = {k: financing[k] for k in (*LINKS, *QUALIFIER_FIELDS) if k in financing}
    application = application_update(
        actor=actor,
        application=application,
        total_cost=total,
        starts=starts,
        ends=ends,
        own_financing=total - others,
        **amounts,
        **extra,
    )
    for line in list(application.budget_lines.all()):
        delete_recorded(line)
    for line in computed:
        save_validated(
            BudgetLine(
                application=application,
                category=line["category"],
                year=line["year"],
                amount=line["amount"],
                annual_pay=line.get("annual_pay"),
                hours=line.get("hours"),
                working=line.get("working", ""),
            )
        )
    return application
