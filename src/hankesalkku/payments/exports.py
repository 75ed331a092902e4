"""The ledger as an XLSX workbook: numbers stay numbers (with the € format), so the finance
office can sum and filter them in Excel or LibreOffice without retyping anything."""

import io

import xlsxwriter
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HEADERS = (
    (gettext_lazy("talousarviokohta"), 14),
    (gettext_lazy("ohjelma"), 30),
    (gettext_lazy("hanke"), 40),
    (gettext_lazy("saaja"), 28),
    (gettext_lazy("päätös"), 30),
    (gettext_lazy("päivämäärä"), 12),
    (gettext_lazy("vuodet"), 11),
    (gettext_lazy("sitoumus"), 14),
    (gettext_lazy("maksettu"), 14),
    (gettext_lazy("avoinna"), 14),
    (gettext_lazy("ennuste"), 14),
)


def ledger_xlsx(ledger, *, base_url: str = "") -> bytes:
    """`base_url` (the site's address) makes each decision a link back to its page."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(_("Sitoumukset")[:31])
    bold = book.add_format({"bold": True})
    euro = book.add_format({"num_format": '#,##0.00 "€"'})
    euro_bold = book.add_format({"num_format": '#,##0.00 "€"', "bold": True})
    date_format = book.add_format({"num_format": "d.m.yyyy"})
    for col, (label, width) in enumerate(HEADERS):
        sheet.write(0, col, str(label), bold)
        sheet.set_column(col, col, width)
    for number, row in enumerate(ledger.rows, start=1):
        commitment = row.commitment
        sheet.write(number, 0, commitment.budget_item.code if commitment.budget_item else "")
        sheet.write(number, 1, str(row.programme or ""))
        sheet.write(number, 2, str(commitment.entity))
        sheet.write(number, 3, str(commitment.beneficiary or ""))
        if base_url.startswith("http"):
            url = base_url + commitment.decision.get_absolute_url()
            sheet.write_url(number, 4, url, string=str(commitment.decision))
        else:
            sheet.write(number, 4, str(commitment.decision))
        sheet.write_datetime(number, 5, commitment.decision.date, date_format)
        years = "–".join(str(y) for y in (commitment.starts_year, commitment.ends_year) if y)
        sheet.write(number, 6, years)
        for col, value in enumerate((row.committed, row.paid, row.open, row.forecast), start=7):
            if value is not None:
                sheet.write_number(number, col, float(value), euro)
    last = len(ledger.rows) + 1
    sheet.write(last, 0, _("Yhteensä"), bold)
    for col, value in enumerate(ledger.totals.values(), start=7):
        if value is not None:
            sheet.write_number(last, col, float(value), euro_bold)
    sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()
