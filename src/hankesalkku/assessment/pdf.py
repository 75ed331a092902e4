"""The funding decision document as PDF, in Finnish or Swedish, printed from the records.

Printed with the shared WeasyPrint helper (`core.pdf.render_pdf`) so the decision shares the
print stylesheet of every formal document and writes the euro sign and dashes as typed. The
language is the decision's own (`FundingDecision.language`), not the reader's: a Swedish
decision is Swedish whoever prints it.
"""

from hankesalkku.core.pdf import render_pdf


def decision_context(funding) -> dict:
    application = funding.application
    budget = (
        application.approved_budgets.filter(decision=funding.decision)
        .select_related("cost_model")
        .prefetch_related("lines")
        .first()
    )
    return {
        "funding": funding,
        "decision": funding.decision,
        "application": application,
        "entity": application.entity,
        "call": application.entity.call,
        "budget": budget,
        "lines": list(budget.lines.all()) if budget else [],
        "total": budget.total() if budget else None,
        "own_share": (budget.total() - budget.support) if budget else None,
    }


def decision_pdf(funding) -> bytes:
    """The decision of `funding` (a FundingDecision) in its own language."""
    return render_pdf(
        "assessment/pdf/decision.html", decision_context(funding), language=funding.language
    )
