"""The overview page, its chart partials, the exports and an organisation's co-financing page.

All are thin: parse the selection, call the one function that computes the figures, render.
A bad selector never crashes a page; it is shown as a message naming the field.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hankesalkku.core.pagination import count_rows
from hankesalkku.core.routers import reads_from_replica
from hankesalkku.organisations.models import Organisation, OrganisationType, Region
from hankesalkku.programmes.models import Call, Programme, Sector, Theme
from hankesalkku.projects.models import ProjectStatus

from .commitments import build_co_financing
from .exports import FORMATS, export_overview, filename_for
from .figures import chart_specs, key_sentences, ministry_label, social_health_sentence
from .funnel import build_funnel, theme_reported_figures
from .jobs import needs_background, start_export
from .models import ExportJob
from .overview import build_overview
from .permissions import can_view_commitment_spending
from .selected import selected_summaries
from .selection import FILTER_KEYS, Selection, SelectionError
from .tasks import overview_export_run

# The workbook lists every project of the selection: a big one is written in the background.
BACKGROUND_FORMATS = ("xlsx",)

_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def step_names() -> dict[str, str]:
    from .exports.xlsx import step_names as names

    return names()


def comparison_rows(overview: dict, reported: dict) -> list[dict]:
    """Reported figures beside the counted ones, in the order of the coordination's slides."""
    if not reported:
        return []
    sh = overview["social_and_health"]
    counted = {
        "entities": (_("Hankekokonaisuuksia"), overview["entities"]),
        "entities_single": (_("Yhden toteuttajan hankkeita"), overview["entities_single"]),
        "entities_group": (_("Ryhmähankkeita"), overview["entities_group"]),
        "implementers": (_("Hanketoteuttajia"), overview["implementers"]),
        "without_social_health": (
            _("Hankkeita ilman sote-palveluja"),
            sh["not_involved"] + sh["sectors_unknown"],
        ),
    }
    for label, n in overview["by_ministry"].items():
        counted[f"by_ministry:{label}"] = (
            _("Myöntövaltuus: %(m)s") % {"m": ministry_label(label)},
            n,
        )
    for row in overview["by_sector"]:
        counted[f"by_sector:{row['sector_slug']}"] = (
            f"{row['branch']}: {row['sector']}",
            row["entities"],
        )
    rows = []
    for key, figure in reported.items():
        label, n = counted.get(key, (key.split(":", 1)[-1], 0))
        as_of = date.fromisoformat(figure["as_of"]) if figure["as_of"] else None
        rows.append(
            {
                "label": label,
                "reported": {
                    **figure,
                    "as_of": date_format(as_of, "SHORT_DATE_FORMAT") if as_of else "",
                },
                "counted": n,
                "matches": n == figure["value"],
                "is_sector": key.startswith("by_sector:"),
            }
        )
    order = list(counted)
    rows.sort(
        key=lambda r: next(
            (i for i, k in enumerate(order) if counted[k][0] == r["label"]), len(order)
        )
    )
    return rows


def _language() -> str:
    return (get_language() or "fi")[:2]


def _filter_options() -> dict:
    """The choices of the filter form: reference tables only, a handful of small queries."""
    return {
        "programmes": Programme.objects.order_by("name"),
        "themes": Theme.objects.order_by("name"),
        "calls": Call.objects.order_by("opens", "name"),
        "ministries": Organisation.objects.ministries().order_by("abbreviation"),
        "regions": Region.objects.order_by("order"),
        "organisation_types": OrganisationType.choices,
        "sectors": Sector.objects.select_related("branch").order_by("branch__order", "order"),
        "statuses": [("", _("rahoitetut (oletus)")), ("kaikki", _("kaikki tilat"))]
        + list(ProjectStatus.choices),
        "co_financing_organisations": Organisation.objects.filter(parent__isnull=True)
        .filter(
            Q(commitments__isnull=False)
            | Q(units__commitments__isnull=False)
            | Q(units__units__commitments__isnull=False)
        )
        .distinct()
        .order_by("name"),
    }


def _context(request) -> dict:
    raw = {key: request.GET.get(key, "") for key in FILTER_KEYS}
    context = {"raw": raw, "errors": {}, **_filter_options()}
    selection, context["errors"] = Selection.from_params_ignoring_errors(
        request.GET, viewer=request.user
    )
    language = _language()
    overview = build_overview(selection, language)
    funnel = build_funnel(selection, language)
    names = step_names()
    for call in funnel:
        for step in call["steps"]:
            step["name"] = names[step["step"]]
    reported = theme_reported_figures(selection)
    query = urlencode(selection.to_params())
    context.update(
        selection=selection,
        overview=overview,
        specs=chart_specs(overview),
        sentences=key_sentences(overview),
        social_health=social_health_sentence(overview),
        funnel=funnel,
        comparison=comparison_rows(overview, reported),
        query=query,
        share_url=request.build_absolute_uri(reverse("insights:overview"))
        + (f"?{query}" if query else ""),
        exports=[
            (fmt.upper(), reverse("insights:export", args=[fmt]) + (f"?{query}" if query else ""))
            for fmt in FORMATS
        ],
        ministry_rows=[(ministry_label(k), k, v) for k, v in overview["by_ministry"].items()],
    )
    return context


@require_GET
@reads_from_replica
def overview(request):
    context = _context(request)
    template = "insights/overview.html"
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "overview-results":
        template = "insights/partials/results.html"
    return render(request, template, context)


@require_GET
@reads_from_replica
def chart(request, key: str):
    """One chart block (htmx partial) or, with ?svg=1, the bare SVG file."""
    selection, _notes = Selection.from_params_ignoring_errors(request.GET, viewer=request.user)
    specs = {s.key: s for s in chart_specs(build_overview(selection, _language()))}
    if key not in specs:
        return HttpResponseBadRequest(_("Tuntematon kaavio."), content_type="text/plain")
    if request.GET.get("svg"):
        return HttpResponse(specs[key].svg(), content_type="image/svg+xml; charset=utf-8")
    return render(
        request,
        "insights/partials/chart.html",
        {"spec": specs[key], "query": urlencode(selection.to_params())},
    )


@require_GET
@reads_from_replica
def export(request, fmt: str):
    if fmt not in FORMATS:
        return HttpResponseBadRequest(
            _("Tuntematon muoto: %(fmt)s. Vaihtoehdot: %(options)s.")
            % {"fmt": fmt, "options": ", ".join(FORMATS)},
            content_type="text/plain; charset=utf-8",
        )
    # A file has nowhere to show a note: a bad selector is refused, naming the field, rather
    # than quietly counting a different selection into a document that will be passed on.
    try:
        selection = Selection.from_params(request.GET, viewer=request.user)
    except SelectionError as error:
        return HttpResponseBadRequest(
            " ".join(error.errors.values()), content_type="text/plain; charset=utf-8"
        )
    language = request.GET.get("lang") or _language()
    if language not in ("fi", "sv", "en"):
        language = "fi"
    if fmt in BACKGROUND_FORMATS:
        count, estimated = count_rows(selected_summaries(selection))
        if needs_background(count, estimated):
            job = start_export(
                request,
                kind=ExportJob.Kind.OVERVIEW,
                fmt=fmt,
                params=selection.to_params(),
                language=language,
                total=count,
                filename=filename_for(selection, fmt),
            )
            overview_export_run.enqueue(job.pk)
            return redirect("insights:export_job", pk=job.pk)
    exported = export_overview(selection, fmt, language)
    response = HttpResponse(exported.content, content_type=exported.content_type)
    disposition = "inline" if fmt == "json" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{exported.filename}"'
    return response


@require_GET
def organisation_pick(request):
    slug = (request.GET.get("organisation") or "").strip()
    if not slug:
        return redirect("insights:overview")
    if not _SLUG.fullmatch(slug):  # "'" or "١٢٣" names no organisation (and no URL): a 404
        raise Http404(_("Organisaatiota ei löydy."))
    return redirect("insights:organisation", slug=slug)


@require_GET
def organisation(request, slug: str):
    org = get_object_or_404(Organisation, slug=slug)
    allowed, reason = can_view_commitment_spending(request.user, org)
    data = build_co_financing(org, _language(), viewer=request.user, show_spending=allowed)
    return render(
        request,
        "insights/organisation.html",
        {
            "organisation": org,
            "data": data,
            "show_spending": allowed,
            "spending_reason": reason,
        },
    )
