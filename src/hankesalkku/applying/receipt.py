"""The receipt of a submitted part: a PDF of every figure as it was submitted, fi or sv.

Printed from the frozen `SubmittedVersion`, never from the live record, so a later supplement
does not change what an earlier receipt says. fpdf2 (already a dependency) with its built-in
font: Finnish and Swedish letters are in Latin-1; the euro sign is written as EUR.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.views.decorators.http import require_GET
from fpdf import FPDF

from hankesalkku.projects.models import Application

from . import costs, permissions
from .models import SubmittedVersion

FINANCING_LABELS = {
    "total_cost": N_("Kokonaiskustannukset"),
    "support": N_("Tuki (EU ja valtio)"),
    "own_financing": N_("Omarahoitus"),
    "municipal_financing": N_("Kuntarahoitus"),
    "other_public_financing": N_("Muu julkinen rahoitus"),
    "private_financing": N_("Yksityinen rahoitus"),
}


def _latin(text: str) -> str:
    text = str(text).replace("€", "EUR").replace("–", "-").replace("”", '"').replace("×", "x")
    return text.encode("latin-1", "replace").decode("latin-1")


def _eur(value: str) -> str:
    return f"{costs.fi_amount(value)} EUR" if value not in ("", None) else "-"


def receipt_pdf(version: SubmittedVersion) -> bytes:
    data = version.figures
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)

    def row(label, value, bold=False):
        pdf.set_font("Helvetica", "B" if bold else "", 10)
        pdf.cell(75, 6, _latin(label))
        pdf.multi_cell(0, 6, _latin(value), new_x="LMARGIN", new_y="NEXT")

    pdf.multi_cell(
        0, 9, _latin(_("Vastaanottokuitti: hakemus lähetetty")), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(2)
    row(_("Hanke"), f"{data['entity']} ({data['acronym']})" if data["acronym"] else data["entity"])
    row(_("Haku"), data["call"])
    row(_("Toteuttaja"), f"{data['organisation']} {data['business_id']}".strip())
    row(_("Rooli"), data["role"])
    row(_("Toteutusaika"), f"{data['starts']} - {data['ends']}")
    row(_("Versio"), str(version.number))
    at = version.submitted_at
    row(_("Lähetetty"), f"{at:%d.%m.%Y %H.%M} ({version.submitted_by.get_username()})")
    pdf.ln(3)
    row(_("Talousarvio"), "", bold=True)
    for line in data["lines"]:
        row(f"{line['year']} {line['label']}", _eur(line["amount"]))
        if line["working"]:
            row("", line["working"])
    pdf.ln(3)
    row(_("Rahoitussuunnitelma"), "", bold=True)
    for name, label in FINANCING_LABELS.items():
        row(_(label), _eur(data["financing"].get(name, "")))
    if data.get("municipal_financing_payer"):
        row(_("Kuntarahoituksen maksaja"), data["municipal_financing_payer"])
    return bytes(pdf.output())


@require_GET
def receipt(request, pk, number):
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
    allowed, reason = permissions.can_view_receipt(request.user, application)
    if not allowed:
        return render(request, "accounts/forbidden.html", {"reason": reason}, status=403)
    version = get_object_or_404(SubmittedVersion, application=application, number=number)
    language = "sv" if request.GET.get("kieli") == "sv" else "fi"
    with translation.override(language):
        body = receipt_pdf(version)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="kuitti-{pk}-v{number}.pdf"'
    return response
