"""The funding decision document as PDF, in Finnish or Swedish, generated from the records.

Built with fpdf2's core font, which covers Finnish and Swedish letters (Latin-1); characters
outside it (dashes, euro sign) are written in their plain equivalents.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF

_PLAIN = str.maketrans({"–": "-", "—": "-", "€": "EUR", "”": '"', "“": '"', "’": "'", "…": "..."})


def _latin(text) -> str:
    return str(text).translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def _money(value) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",") + " EUR"


def decision_pdf(funding) -> bytes:
    """The decision of `funding` (a FundingDecision) in its own language."""
    application = funding.application
    decision = funding.decision
    budget = application.approved_budgets.filter(in_force=True).first()
    with translation.override(funding.language):
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 15)

        def para(text, size=10, style=""):
            pdf.set_font("Helvetica", style, size)
            pdf.multi_cell(0, 6, _latin(text), new_x="LMARGIN", new_y="NEXT")

        para(decision.organisation, 12, "B")
        para(funding.get_outcome_display().upper(), 14, "B")
        para(f"{_('Päivämäärä')}: {decision.date:%d.%m.%Y}  {decision.diary_number}")
        para(f"{_('Hakija')}: {application.organisation}")
        para(f"{_('Hanke')}: {application.entity}")
        para(f"{_('Haku')}: {application.entity.call}")
        if budget is not None:
            para(_("Hyväksytty talousarvio"), 11, "B")
            for line in budget.lines.all():
                para(f"{line.get_category_display()}: {_money(line.amount)}")
            para(
                f"{_('Tuki')}: {_money(budget.support)} "
                f"({_('enintään')} {budget.support_rate * 100:.0f} %)"
            )
            if budget.conditions:
                para(f"{_('Ehdot')}: {budget.conditions}")
        para(_("Perustelut"), 11, "B")
        para(funding.reasoning)
        para(f"{_('Päätöksentekijä')}: {decision.decision_maker}")
        para(_("Oikaisuvaatimusohje"), 11, "B")
        para(
            _(
                "Tähän päätökseen tyytymätön voi hakea siihen oikaisua päätöksen tehneeltä "
                "viranomaiselta 30 päivän kuluessa päätöksen tiedoksisaannista. "
                "Oikaisuvaatimuksesta annettuun päätökseen saa hakea muutosta valittamalla "
                "hallinto-oikeuteen (laki alueiden kehittämisen ja rakennerahastohankkeiden "
                "rahoittamisesta 757/2021; hallintolaki 434/2003, 7 a luku)."
            )
        )
        return bytes(pdf.output())
