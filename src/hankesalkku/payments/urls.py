"""Pages of payments, mounted at /maksatus/."""

from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("talous/<slug:slug>/", views.ledger, name="ledger"),
    path("talous/<slug:slug>/sitoumukset.xlsx", views.ledger_export, name="ledger_xlsx"),
    path("hakemukset/<int:pk>/", views.claim_detail, name="claim"),
    path("omat/", views.my_claims, name="my_claims"),
    path("hanke/<slug:slug>/", views.project_money, name="project_money"),
]
