from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("kaavio/<slug:key>/", views.chart, name="chart"),
    path("vienti/<str:fmt>/", views.export, name="export"),
    path("organisaatio/", views.organisation_pick, name="organisation_pick"),
    path("organisaatio/<slug:slug>/", views.organisation, name="organisation"),
]
