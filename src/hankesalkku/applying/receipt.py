"""The receipt of a submitted part and the differences between versions: both read the frozen
`SubmittedVersion`, never the live record, so a later supplement does not change what an
earlier receipt says.

The receipt is a formal document printed by WeasyPrint through `core.pdf` (one print
stylesheet with page numbers), in Finnish or Swedish as asked: the euro sign and every letter
print as typed.
"""

from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hankesalkku.core.dates import format_date
from hankesalkku.core.money import format_eur
from hankesalkku.core.pdf import pdf_response, render_pdf
from hankesalkku.projects.models import Application, ApplicationRole, CostCategory

from . import permissions
from .diff import FINANCING_LABELS, version_changes
from .models import SubmittedVersion


def _date(text: str) -> str:
    from datetime import date

    try:
        return format_date(date.fromisoformat(text)) if text else "–"
    except ValueError:
        return text


def _category_label(line: dict) -> str:
    try:
        return str(CostCategory(line["category"]).label)
    except ValueError:
        return line.get("label", "")


def _role_label(data: dict) -> str:
    """The role in the receipt's language from its frozen code; versions frozen before the
    code was kept print the Finnish text they were frozen with."""
    try:
        return str(ApplicationRole(data["role_code"]).label)
    except (KeyError, ValueError):
        return data.get("role", "")


def receipt_context(version: SubmittedVersion) -> dict:
    """The receipt's rows, formatted in the active language from the frozen figures."""
    data = version.figures
    qualifiers = data.get("qualifiers") or {}
    financing = [
        (_(label), format_eur(data["financing"].get(name) or None, qualifiers.get(name, "exact")))
        for name, label in FINANCING_LABELS
    ]
    commitment = data.get("municipal_commitment")
    return {
        "version": version,
        "data": data,
        "role": _role_label(data),
        "period": f"{_date(data.get('starts', ''))} – {_date(data.get('ends', ''))}",
        "lines": [
            {
                **line,
                "label": _category_label(line),  # in the receipt's language, not the submitter's
                "amount_text": format_eur(line["amount"]),
            }
            for line in data.get("lines", [])
        ],
        "financing": financing,
        "commitment": commitment
        and {
            "decision": commitment["decision"],
            "amount": format_eur(commitment["amount"], commitment.get("qualifier", "exact")),
        },
        "submitted_at": version.submitted_at,
    }


def receipt_pdf(version: SubmittedVersion, language: str = "fi") -> bytes:
    with translation.override(language):
        context = receipt_context(version)
    return render_pdf("applying/pdf/receipt.html", context, language=language)


def _readable(request, pk):
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
    allowed, reason = permissions.can_view_receipt(request.user, application)
    return application, reason if not allowed else ""


@require_GET
def receipt(request, pk, number):
    application, refusal = _readable(request, pk)
    if refusal:
        return render(request, "accounts/forbidden.html", {"reason": refusal}, status=403)
    version = get_object_or_404(SubmittedVersion, application=application, number=number)
    language = "sv" if request.GET.get("kieli") == "sv" else "fi"
    return pdf_response(receipt_pdf(version, language), filename=f"kuitti-{pk}-v{number}.pdf")


@require_GET
def versions(request, pk):
    """Two submitted versions side by side (default: the last two), every change marked."""
    application, refusal = _readable(request, pk)
    if refusal:
        return render(request, "accounts/forbidden.html", {"reason": refusal}, status=403)
    stored = list(application.submitted_versions.all())
    if not stored:
        return render(request, "applying/versions.html", {"application": application}, status=404)
    numbers = [v.number for v in stored]
    notes = []

    def pick(name, default):
        raw = request.GET.get(name)
        if raw is None:
            return default
        if raw.isdigit() and int(raw) in numbers:
            return int(raw)
        notes.append(
            _("Versiota ”%(value)s” ei ole: näytetään versio %(used)s.")
            % {"value": raw[:20], "used": default}
        )
        return default

    newer = pick("uusi", numbers[-1])
    older = pick("vanha", numbers[-2] if len(numbers) > 1 else numbers[-1])
    by_number = {v.number: v for v in stored}
    context = {
        "application": application,
        "entity": application.entity,
        "older": by_number[older],
        "newer": by_number[newer],
        "numbers": numbers,
        "changes": version_changes(by_number[older], by_number[newer]),
        "notes": notes,
    }
    return render(request, "applying/versions.html", context)
