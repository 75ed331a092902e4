"""Pages of applying, mounted at /hakemukset/."""

from django.urls import path

from . import attachment_views, receipt, start, views

app_name = "applying"

urlpatterns = [
    path("omat/", views.mine, name="mine"),
    path("omat/taydennettavat/", start.supplements, name="supplements"),
    path("aloita/<slug:slug>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/talousarvio/", views.budget, name="budget"),
    path("<int:pk>/tarkista/", views.check, name="check"),
    path("<int:pk>/osatoteuttaja/", views.part_add, name="part_add"),
    path("<int:pk>/valmis/", views.mark_ready, name="mark_ready"),
    path("<int:pk>/laheta/", views.submit, name="submit"),
    path("<int:pk>/kuitti/<int:number>/", receipt.receipt, name="receipt"),
    path("<int:pk>/versiot/", receipt.versions, name="versions"),
    path("<int:pk>/liitteet/", attachment_views.add, name="attachment_add"),
    path(
        "<int:pk>/liitteet/<int:attachment_pk>/",
        attachment_views.download,
        name="attachment_download",
    ),
    path(
        "<int:pk>/liitteet/<int:attachment_pk>/poista/",
        attachment_views.remove,
        name="attachment_remove",
    ),
]
