"""A person whose role needs a second factor may do nothing else until they have enrolled one.

Checked on every request (one cached query), so a role granted today takes effect on the
person's next click. Only what enrolling needs stays open: the MFA pages, re-authentication,
sign-out, static files, the health check and the language switch.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from .roles import has_mfa, requires_mfa


class MFARequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def open_prefixes(self) -> tuple[str, ...]:
        return (
            reverse("mfa_index"),
            reverse("account_logout"),
            reverse("account_reauthenticate"),
            reverse("health"),
            reverse("set_language"),
            "/" + settings.STATIC_URL.lstrip("/"),
        )

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.open_prefixes)
            and requires_mfa(user)
            and not has_mfa(user)
        ):
            return self._to_setup(request)
        return self.get_response(request)

    def _to_setup(self, request):
        url = reverse("mfa_index")
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        if request.headers.get("HX-Request"):
            return HttpResponse(status=204, headers={"HX-Redirect": url})
        messages.warning(
            request,
            _(
                "Roolisi vuoksi tarvitset kaksivaiheisen tunnistautumisen. Ota käyttöön "
                "todennussovellus tai pääsyavain, niin pääset jatkamaan."
            ),
        )
        return HttpResponseRedirect(url)
