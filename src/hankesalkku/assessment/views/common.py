"""What every assessment page shares: finding the record, refusing with the reason, answering
a form to htmx (the section again) or to a plain browser (back to the page, or 400)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hankesalkku.projects.models import Application

from .. import permissions


def require(result) -> None:
    allowed, reason = result
    if not allowed:
        raise PermissionDenied(reason)


def forbidden(request, reason):
    return render(request, "accounts/forbidden.html", {"reason": reason}, status=403)


def application_for(request, pk) -> Application:
    """The application if the user may open its assessment page at all (404 when not seen)."""
    application = get_object_or_404(
        Application.objects.select_related("entity", "entity__call", "organisation"), pk=pk
    )
    allowed, _reason = permissions.can_open_application(request.user, application)
    if not allowed:
        raise PermissionDenied(_reason)
    return application


def messages_of(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [str(m) for items in error.error_dict.values() for e in items for m in e.messages]
    return [str(m) for m in error.messages]


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


SECTION_TITLES = {
    "screening": _("Muodollinen tarkastus"),
    "assessing": _("Oma arvio"),
    "summary": _("Arvioiden yhteenveto"),
    "decision": _("Rahoituspäätös"),
    "amendments": _("Muutokset ja hyväksytyt budjetit"),
    "assessors": _("Arvioijat"),
    "waiting": _("Odottaa sinua"),
}


def section(request, template, context, status=200):
    """A section: bare for htmx, which swaps it into its page; a whole page of its own when
    opened or posted without JavaScript, so every form works without it too."""
    name = template.rsplit("/", 1)[-1].removesuffix(".html")
    context = {
        **context,
        "layout": "assessment/section_bare.html"
        if is_htmx(request)
        else "assessment/section_page.html",
        "section_title": SECTION_TITLES.get(name, ""),
    }
    if "back_url" not in context and context.get("application") is not None:
        context["back_url"] = reverse("assessment:application", args=[context["application"].pk])
    return render(request, template, context, status=status)


def answer(request, template, context, *, ok: bool, back: str):
    """htmx gets the section again (errors inside it, status 200 so it is swapped in); a plain
    form post goes back to the page when saved, or gets the section with 400 when not."""
    if ok and not is_htmx(request):
        return redirect(back)
    status = 200 if ok or is_htmx(request) else 400
    return section(request, template, context, status=status)
