"""Upload documents, review what was read from them, and apply the checked values.

Every action works as a plain form post (redirect back to the review page) and, with htmx,
swaps only the row that changed, so a long document can be checked without reloading it.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hankesalkku.accounts.decorators import require_recent_authentication
from hankesalkku.decisions.models import Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import Application, ProjectEntity

from .models import ExtractedValue, Extraction, ReadingBatch
from .permissions import can_review_documents, can_view_batch
from .review_page import (
    grouped_rows,
    highlighted_text,
    load_value,
    load_values,
    row_for,
    status_of,
    target_choices,
    written_records,
)
from .services import (
    BACKGROUND_FROM_FILES,
    extracted_value_confirm,
    extracted_value_correct,
    extracted_value_reject,
    extraction_apply,
    extraction_confirm_unconflicted,
    extraction_targets_set,
    read_one,
    reading_batch_create,
    size_refusal,
)
from .tasks import reading_batch_run

RECENT = 20


def review_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        allowed, reason = can_review_documents(request.user)
        if not allowed:
            return render(request, "documents/forbidden.html", {"reason": reason}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _uploaded_files(request):
    """The files of the form, or the message why there are none (too large a sending)."""
    try:
        files = request.FILES.getlist("files")
    except (RequestDataTooBig, TooManyFilesSent):
        return None, _(
            "Lähetys oli liian suuri tai siinä oli liian monta tiedostoa; lähetä tiedostot "
            "pienemmissä erissä."
        )
    if not files:
        return None, _("Valitse vähintään yksi tiedosto.")
    return files, ""


def _read_uploads(request, files) -> list[dict]:
    results = []
    for upload in files:
        name = upload.name or _("nimetön tiedosto")
        refusal = size_refusal(name, upload.size or 0)
        if refusal:
            results.append({"ok": False, "name": name, "message": refusal})
            continue
        results.append(read_one(request.user, name, upload.read()))
    return results


def _queue_batch(request, files):
    """Store a large sending as a batch and read it in the background; its page shows progress."""
    batch = reading_batch_create(
        actor=request.user,
        files=[(upload.name or _("nimetön tiedosto"), upload.read()) for upload in files],
    )
    reading_batch_run.enqueue(batch.pk)
    return redirect("documents:batch", batch.pk)


@review_required
def upload(request):
    results = []
    if request.method == "POST":
        files, problem = _uploaded_files(request)
        if files and len(files) >= BACKGROUND_FROM_FILES:
            return _queue_batch(request, files)
        results = (
            _read_uploads(request, files)
            if files
            else [{"ok": False, "name": "", "message": problem}]
        )
    extractions = list(Extraction.objects.with_counts()[:RECENT])
    for extraction in extractions:
        extraction.status = extraction.status_for(extraction.pending_count, extraction.value_count)
    return render(
        request,
        "documents/upload.html",
        {"results": results, "extractions": extractions, "background_from": BACKGROUND_FROM_FILES},
    )


def _extraction(pk: int) -> Extraction:
    return get_object_or_404(
        Extraction.objects.select_related(
            "document",
            "organisation",
            "decision__organisation",
            "entity",
            "application__organisation",
        ),
        document_id=pk,
    )


@review_required
def review(request, pk: int):
    extraction = _extraction(pk)
    values = load_values(extraction)
    context = {
        "extraction": extraction,
        "document": extraction.document,
        "groups": grouped_rows(values, extraction),
        "text": highlighted_text(extraction.document.text, values),
        "status": status_of(extraction, values),
        "accepted_count": sum(1 for v in values if v.is_accepted and not v.is_applied),
        "written": written_records(values),
        **target_choices(extraction, request.user),
    }
    return render(request, "documents/review.html", context)


def _back_to_row(value: ExtractedValue):
    url = reverse("documents:review", args=[value.extraction.document_id])
    return redirect(f"{url}#value-{value.pk}")


@require_POST
@review_required
def value_action(request, pk: int, action: str):
    try:
        value = load_value(pk)
    except ExtractedValue.DoesNotExist as missing:
        raise Http404 from missing
    error = ""
    try:
        if action == "confirm":
            extracted_value_confirm(actor=request.user, value=value)
        elif action == "reject":
            extracted_value_reject(actor=request.user, value=value)
        elif action == "correct":
            extracted_value_correct(
                actor=request.user, value=value, corrected=request.POST.get("corrected_value", "")
            )
        else:
            error = _("Tuntematon toiminto.")
    except ValidationError as refused:
        error = " ".join(refused.messages)
    if request.headers.get("HX-Request"):
        row = row_for(value, value.extraction)
        return render(request, "documents/_value_row.html", {"row": row, "form_error": error})
    if error:
        messages.error(request, error)
    return _back_to_row(value)


def _pick(queryset, raw: str, label: str):
    """The chosen record among those the user may pick; an unknown id is refused, not cleared."""
    if not raw:
        return None
    try:
        return queryset.get(pk=int(raw))
    except (ValueError, queryset.model.DoesNotExist):
        logging.getLogger(__name__).warning("No %s %r to pick", queryset.model.__name__, raw)
        raise ValidationError(
            _("Valittua kohdetta (%(label)s) ei löydy; kohteita ei muutettu.") % {"label": label}
        ) from None


@require_POST
@review_required
def targets(request, pk: int):
    extraction = _extraction(pk)
    try:
        extraction_targets_set(
            actor=request.user,
            extraction=extraction,
            organisation=_pick(
                Organisation.objects.all(), request.POST.get("organisation", ""), _("organisaatio")
            ),
            entity=_pick(
                ProjectEntity.objects.visible_to(request.user),
                request.POST.get("entity", ""),
                _("hankekokonaisuus"),
            ),
            application=_pick(
                Application.objects.visible_to(request.user),
                request.POST.get("application", ""),
                _("hakemus"),
            ),
            decision=_pick(Decision.objects.all(), request.POST.get("decision", ""), _("päätös")),
        )
        messages.success(request, _("Kohteet tallennettu."))
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    return redirect("documents:review", pk=pk)


@require_POST
@review_required
def confirm_unconflicted(request, pk: int):
    count = extraction_confirm_unconflicted(actor=request.user, extraction=_extraction(pk))
    messages.success(
        request, _("Vahvistettu %(count)s arvoa, joilla ei ole ristiriitaa.") % {"count": count}
    )
    return redirect("documents:review", pk=pk)


@require_POST
@review_required
@require_recent_authentication  # writes decisions and commitments into the records
def apply(request, pk: int):
    extraction = extraction_apply(actor=request.user, extraction=_extraction(pk))
    values = list(extraction.values.all())
    written = sum(1 for v in values if v.is_applied)
    failed = [v for v in values if v.is_accepted and not v.is_applied]
    messages.success(request, _("Tallennettu %(count)s arvoa tietueisiin.") % {"count": written})
    if failed:
        messages.error(
            request,
            _("%(count)s vahvistettua arvoa jäi tallentamatta; syy näkyy arvon kohdalla.")
            % {"count": len(failed)},
        )
    return redirect("documents:review", pk=pk)


@require_GET
@review_required
def batch(request, pk: int):
    """A batch's progress; htmx polls it (the fragment) until every file is read."""
    found = get_object_or_404(ReadingBatch, pk=pk)
    allowed, reason = can_view_batch(request.user, found)
    if not allowed:
        return render(request, "documents/forbidden.html", {"reason": reason}, status=403)
    fragment = request.headers.get("HX-Request") == "true"
    template = "documents/_batch_progress.html" if fragment else "documents/batch.html"
    return render(request, template, {"batch": found})
