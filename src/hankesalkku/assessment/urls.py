"""Pages of assessment, mounted at /arviointi/."""

from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("odottaa/", views.waiting, name="waiting"),
    path("haku/<slug:slug>/", views.call_ranking, name="ranking"),
    path("haku/<slug:slug>/suppilo/", views.call_funnel, name="funnel"),
    path("hakemus/<int:pk>/paatos.pdf", views.decision_document, name="decision_pdf"),
]
