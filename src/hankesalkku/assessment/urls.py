"""Pages of assessment, mounted at /arviointi/."""

from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("odottaa/", views.waiting, name="waiting"),
    path("haku/<slug:slug>/", views.call_ranking, name="ranking"),
    path("haku/<slug:slug>/suppilo/", views.call_funnel, name="funnel"),
    path("haku/<slug:slug>/arvioijat/", views.assessors, name="assessors"),
    path("kokonaisuus/<int:pk>/yhteenveto/", views.entity_summary, name="summary"),
    path("kokonaisuus/<int:pk>/valinta/", views.selection, name="selection"),
    path("hakemus/<int:pk>/", views.application_page, name="application"),
    path("hakemus/<int:pk>/tarkastus/", views.screening, name="screening"),
    path("hakemus/<int:pk>/esteellisyys/", views.conflict, name="conflict"),
    path("hakemus/<int:pk>/pisteet/", views.scoring, name="scoring"),
    path("hakemus/<int:pk>/paatos/", views.decision, name="decision"),
    path("hakemus/<int:pk>/paatos.pdf", views.decision_document, name="decision_pdf"),
    path("hakemus/<int:pk>/muutokset/", views.amendments, name="amendments"),
    path("muutoshakemus/<int:pk>/", views.amendment_decide, name="amendment_decide"),
]
