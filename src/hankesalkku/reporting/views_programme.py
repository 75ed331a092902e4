"""A programme's own indicators on a page of their own: every call of the programme follows
them, so they are set once by the programme's coordination rather than per call. The list, the
form of each (an htmx partial, or a page of its own without script) and the confirmation of a
deletion. Thin callers of `reporting.services.programme` and `reporting.permissions`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hankesalkku.programmes.models import Programme

from . import framework_forms as f
from . import permissions, services
from .models import Indicator
from .services.framework import is_reported
from .views_framework_edit import confirm_context, done, render_confirm

FIELDS = ["name", "code", "definition", "kind", "unit", "scale_min", "scale_max"]
FIELDS += ["baseline", "target", "direction"]


def _managed_programme(request, slug) -> Programme:
    programme = get_object_or_404(Programme, slug=slug)
    allowed, reason = permissions.can_manage_programme_reporting(request.user, programme)
    if not allowed:
        raise PermissionDenied(reason)
    return programme


def _page(programme) -> str:
    return reverse("reporting:programme_indicators", args=[programme.slug])


@login_required
@require_GET
def programme_indicators(request, slug):
    """The programme's own indicators and the calls whose reports ask for them."""
    programme = _managed_programme(request, slug)
    indicators = list(Indicator.objects.filter(programme=programme).order_by("code", "name"))
    reported = set(
        Indicator.objects.filter(programme=programme, values__isnull=False).values_list(
            "pk", flat=True
        )
    )
    context = {
        "programme": programme,
        "indicators": indicators,
        "reported": reported,
        "calls": programme.calls.order_by("opens", "name"),
    }
    return render(request, "reporting/programme_indicators.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def programme_indicator(request, slug, pk=None):
    """A new or an existing indicator of the programme's own."""
    programme = _managed_programme(request, slug)
    record = (
        get_object_or_404(Indicator.objects.filter(programme=programme), pk=pk)
        if pk is not None
        else None
    )
    initial = {}
    if record is not None:
        initial = {
            **{name: getattr(record, name) for name in FIELDS},
            "version": record.version,
            "breakdowns": list(record.breakdowns.all()),
        }
    locked = record is not None and is_reported(record)
    form = f.ProgrammeIndicatorForm(initial=initial, locked=locked)
    errors = []
    if request.method == "POST":
        form = f.ProgrammeIndicatorForm(request.POST, initial=initial, locked=locked)
        if form.is_valid():
            fields = form.service_fields()
            try:
                if record is None:
                    services.programme_indicator_create(
                        actor=request.user, programme=programme, **fields
                    )
                else:
                    services.programme_indicator_update(
                        actor=request.user,
                        programme=programme,
                        indicator=record,
                        expected_version=form.cleaned_data.get("version"),
                        **fields,
                    )
            except ValidationError as error:
                errors = list(error.messages)
            else:
                messages.success(request, _("Ohjelman indikaattori tallennettu."))
                return done(request, _page(programme))
        else:
            errors = f.error_list(form)
    context = {
        "programme": programme,
        "record": record,
        "form": form,
        "errors": errors,
        "title": _("Muokkaa ohjelman indikaattoria") if record else _("Uusi ohjelman indikaattori"),
        "locked": locked,
        "action": request.path,
        "back": _page(programme),
    }
    template = (
        "reporting/partials/framework_item.html"
        if request.headers.get("HX-Request")
        else "reporting/programme_indicator.html"
    )
    return render(request, template, context, status=400 if errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def programme_indicator_delete(request, slug, pk):
    """Ask, then delete an indicator of the programme's own; one reported on is refused."""
    programme = _managed_programme(request, slug)
    record = get_object_or_404(Indicator.objects.filter(programme=programme), pk=pk)
    errors = []
    if request.method == "POST":
        version = request.POST.get("version", "")
        try:
            services.programme_indicator_delete(
                actor=request.user,
                programme=programme,
                indicator=record,
                expected_version=int(version) if version.isdigit() else None,
            )
        except ValidationError as error:
            errors = list(error.messages)
        else:
            messages.success(request, _("Poistettu: %(item)s.") % {"item": record})
            return done(request, _page(programme))
    context = confirm_context(
        request,
        record=record,
        title=_("Poista ohjelman indikaattori"),
        errors=errors,
        back=_page(programme),
    )
    heading = _("Ohjelman indikaattorit: %(programme)s") % {"programme": programme.name}
    return render_confirm(request, context, heading=heading, status=400 if errors else 200)
