"""Personal API tokens as a Django REST framework authentication class.

`Authorization: Bearer hs_…` (or `Token hs_…`): the token's SHA-256 is looked up; a revoked
token, an unknown one or a deactivated owner is a 401 with a JSON body, never a 500. A request
without the header is left to the other classes (the session), so the pages' sign-in works too.
"""

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import ApiToken, hash_token
from .services import api_token_touch

MAX_TOKEN = 200


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode(errors="replace") not in self.keywords:
            return None
        if len(header) != 2 or len(header[1]) > MAX_TOKEN:
            raise exceptions.AuthenticationFailed(_("Virheellinen rajapinta-avain."))
        raw = header[1].decode("ascii", errors="replace")
        token = (
            ApiToken.objects.usable()
            .select_related("user")
            .filter(key_hash=hash_token(raw))
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed(_("Rajapinta-avain on tuntematon tai peruttu."))
        api_token_touch(token)
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Names the personal token in the OpenAPI schema as an HTTP bearer scheme."""

    target_class = "hankesalkku.accounts.authentication.ApiTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "hs_… (/tili/rajapinta-avaimet/)",
        }
