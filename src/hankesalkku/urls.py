from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Hankesalkku"
admin.site.site_title = "Hankesalkku"
admin.site.index_title = "Ylläpito"

urlpatterns = [
    path("", include("hankesalkku.site.urls")),
    path("paatokset/", include("hankesalkku.decisions.urls")),
    path("asiakirjat/lahde/", include("hankesalkku.sources.urls")),
    path("asiakirjat/", include("hankesalkku.documents.urls")),
    path("yleiskuva/", include("hankesalkku.insights.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
