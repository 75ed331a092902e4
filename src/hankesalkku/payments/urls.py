"""Pages of payments, mounted at /maksatus/."""

from django.urls import path

from . import attachment_views, claim_views, cofinancing_views, views

app_name = "payments"

urlpatterns = [
    path("talous/<slug:slug>/", views.ledger, name="ledger"),
    path("talous/<slug:slug>/sitoumukset.xlsx", views.ledger_export, name="ledger_xlsx"),
    path("sitoumukset/<int:pk>/", cofinancing_views.commitment_detail, name="commitment"),
    path(
        "sitoumukset/<int:pk>/maksu/",
        cofinancing_views.commitment_payment,
        name="commitment_payment",
    ),
    path(
        "sitoumukset/<int:pk>/suunnitelma/",
        cofinancing_views.commitment_plan,
        name="commitment_plan",
    ),
    path("osahanke/<int:pk>/uusi/", claim_views.claim_new, name="claim_new"),
    path("osahanke/<int:pk>/laskelma/", claim_views.claim_preview, name="claim_preview"),
    path("osahanke/<int:pk>/ennakko/", claim_views.advance, name="advance"),
    path("hakemukset/<int:pk>/", claim_views.claim_detail, name="claim"),
    path("hakemukset/<int:pk>/muokkaa/", claim_views.claim_edit, name="claim_edit"),
    path("hakemukset/<int:pk>/jata/", claim_views.claim_submit, name="claim_submit"),
    path("hakemukset/<int:pk>/tarkasta/", claim_views.claim_check, name="claim_check"),
    path("hakemukset/<int:pk>/hylkaa/", claim_views.claim_reject, name="claim_reject"),
    path("hakemukset/<int:pk>/maksa/", claim_views.claim_pay, name="claim_pay"),
    path("hakemukset/<int:pk>/liitteet/", attachment_views.attachment_add, name="attachment_add"),
    path(
        "hakemukset/<int:pk>/liitteet/<int:attachment>/",
        attachment_views.attachment,
        name="attachment",
    ),
    path(
        "hakemukset/<int:pk>/liitteet/<int:attachment>/poista/",
        attachment_views.attachment_remove,
        name="attachment_remove",
    ),
    path("omat/", views.my_claims, name="my_claims"),
    path("tarkastettavat/", views.waiting_claims, name="waiting"),
    path("hanke/<slug:slug>/", views.project_money, name="project_money"),
    path("ohjelma/", views.programme_money_view, name="programme_money"),
]
