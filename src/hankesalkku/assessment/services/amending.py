"""Change requests (muutoshakemus) by the implementer and the authority's answer.

An approved request becomes an amendment decision (`amendment_approve`): a new approved budget
revision, the previous ones kept as history. A period extension carries the budget over with
the new end date; a new partner is added to the entity when approved.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import check_version, save_validated, service
from hankesalkku.projects.models import CostCategory
from hankesalkku.projects.services import partner_add

from ..models import AmendmentKind, AmendmentRequest, AmendmentRequestStatus
from ..permissions import can_request_amendment, can_run_call
from .deciding import amendment_approve
from .screening import refuse_unless


def parse_lines(rows) -> list[tuple[str, int | None, Decimal]]:
    """[category, year, amount] rows from a form or JSON, refused with the field named."""
    lines = []
    for row in rows or []:
        try:
            category, year, amount = row
            amount = Decimal(str(amount)).quantize(Decimal("0.01"))
            year = int(year) if year not in (None, "") else None
        except (TypeError, ValueError, ArithmeticError) as bad:
            raise ValidationError(
                {"lines": _("Kustannusrivit: rivi %s ei ole muotoa laji, vuosi, summa.") % (row,)}
            ) from bad
        if category not in CostCategory.values:
            raise ValidationError({"lines": _("Kustannusrivit: tuntematon laji %s.") % category})
        lines.append((category, year, amount))
    return lines


@service
def amendment_request_create(
    *,
    actor,
    application,
    kind: str,
    description: str,
    lines=None,
    new_ends=None,
    partner=None,
) -> AmendmentRequest:
    refuse_unless(can_request_amendment(actor, application))
    if kind not in AmendmentKind.values:
        raise ValidationError({"kind": _("Muutoksen laji: valitse, mitä muutetaan.")})
    parsed = parse_lines(lines)
    if kind == AmendmentKind.BUDGET and not parsed:
        raise ValidationError({"lines": _("Kustannusrivit: anna ehdotettu uusi jako.")})
    current = application.approved_budgets.filter(in_force=True).first()
    if (
        kind == AmendmentKind.PERIOD
        and current
        and current.ends
        and new_ends
        and new_ends <= current.ends
    ):
        raise ValidationError(
            {"new_ends": _("Uusi päättymispäivä: on oltava nykyisen päättymisen jälkeen.")}
        )
    return save_validated(
        AmendmentRequest(
            application=application,
            kind=kind,
            description=(description or "").strip(),
            lines=[[c, y, str(a)] for c, y, a in parsed],
            new_ends=new_ends if kind == AmendmentKind.PERIOD else None,
            partner=partner if kind == AmendmentKind.PARTNER else None,
            requested_by=actor,
        )
    )


@service
def amendment_request_decide(
    *,
    actor,
    request: AmendmentRequest,
    approve: bool,
    answer: str,
    decision_maker: str = "",
    date=None,
    expected_version: int | None = None,
) -> AmendmentRequest:
    """Approve (an amendment decision with the next budget revision) or reject, reasoned."""
    application = request.application
    refuse_unless(can_run_call(actor, application.entity.call))
    check_version(request, expected_version)
    if request.status != AmendmentRequestStatus.PENDING:
        raise ValidationError({"status": _("Muutoshakemus on jo käsitelty.")})
    if not (answer or "").strip():
        raise ValidationError({"answer": _("Perustelu: muutospäätös on perusteltava.")})
    request.answer = answer.strip()
    if not approve:
        request.status = AmendmentRequestStatus.REJECTED
        return save_validated(request)
    if not (decision_maker or "").strip() or date is None:
        raise ValidationError(
            {"decision_maker": _("Päätöksentekijä ja päivämäärä: anna molemmat.")}
        )
    current = application.approved_budgets.filter(in_force=True).first()
    if current is None:
        raise ValidationError({"application": _("Hakemus: ei voimassa olevaa budjettia.")})
    lines = [(line.category, line.year, line.amount) for line in current.lines.all()]
    fields = {
        "cost_model": current.cost_model,
        "starts": current.starts,
        "ends": current.ends,
        "conditions": current.conditions,
    }
    if request.kind == AmendmentKind.BUDGET:
        lines = parse_lines(request.lines)
    elif request.kind == AmendmentKind.PERIOD:
        fields["ends"] = request.new_ends
    amendment = amendment_approve(
        actor=actor,
        application=application,
        reason=f"{request.get_kind_display()}: {request.answer}",
        decision_maker=decision_maker.strip(),
        date=date,
        lines=lines,
        support=current.support,
        support_rate=current.support_rate,
        **fields,
    )
    if request.kind == AmendmentKind.PARTNER:
        partner_add(actor=actor, entity=application.entity, organisation=request.partner)
    request.status = AmendmentRequestStatus.APPROVED
    request.amendment = amendment
    return save_validated(request)
