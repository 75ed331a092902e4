"""Pages of reporting, mounted at /raportit/."""

from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("erapaivat/", views.reports_due, name="reports_due"),
    path("haku/<slug:slug>/", views.call_impact, name="call_impact"),
    path("haku/<slug:slug>/vaikuttavuusselvitys.pdf", views.call_impact_pdf, name="impact_pdf"),
    path("kaupunginosat/tuonti/", views.district_import, name="district_import"),
]
