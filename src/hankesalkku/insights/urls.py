from django.urls import path

from . import job_views, views

app_name = "insights"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("kaavio/<slug:key>/", views.chart, name="chart"),
    path("vienti/<str:fmt>/", views.export, name="export"),
    path("viennit/<int:pk>/", job_views.export_job, name="export_job"),
    path("viennit/<int:pk>/lataa/", job_views.export_job_download, name="export_job_download"),
    path("organisaatio/", views.organisation_pick, name="organisation_pick"),
    path("organisaatio/<slug:slug>/", views.organisation, name="organisation"),
]
