from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from hankesalkku.health import health

admin.site.site_header = "Hankesalkku"
admin.site.site_title = "Hankesalkku"
admin.site.index_title = "Ylläpito"
# One sign-in for everyone: the admin's own login form would skip MFA and the rate limits.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("hankesalkku.site.urls")),
    path("paatokset/", include("hankesalkku.decisions.urls")),
    path("asiakirjat/lahde/", include("hankesalkku.sources.urls")),
    path("asiakirjat/", include("hankesalkku.documents.urls")),
    path("yleiskuva/", include("hankesalkku.insights.urls")),
    path("haku/", include("hankesalkku.search.urls")),
    path("avoin-data/", include("hankesalkku.opendata.urls")),
    path("verkosto/", include("hankesalkku.networking.urls")),
    path("hakemukset/", include("hankesalkku.applying.urls")),
    path("arviointi/", include("hankesalkku.assessment.urls")),
    path("maksatus/", include("hankesalkku.payments.urls")),
    path("raportit/", include("hankesalkku.reporting.urls")),
    path("api/v1/", include("hankesalkku.api.urls")),
    path("tili/", include("hankesalkku.accounts.urls")),
    path("tili/", include("allauth.urls")),
    path("terveys/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler404 = "hankesalkku.core.rest.not_found"
