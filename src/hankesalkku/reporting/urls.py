"""Pages of reporting, mounted at /raportit/."""

from django.urls import path

from . import views, views_framework, views_framework_edit, views_programme, views_reports

app_name = "reporting"

urlpatterns = [
    path("erapaivat/", views.reports_due, name="reports_due"),
    path("odottavat/", views_reports.reports_waiting, name="reports_waiting"),
    path("koonti/", views_framework.aggregate_page, name="aggregate"),
    path("haku/<slug:slug>/", views.call_impact, name="call_impact"),
    path("haku/<slug:slug>/vaikuttavuusselvitys.pdf", views.call_impact_pdf, name="impact_pdf"),
    path(
        "haku/<slug:slug>/vaikuttavuusselvitys.xlsx",
        views_framework.impact_xlsx,
        name="impact_xlsx",
    ),
    path("haku/<slug:slug>/kaupunginosat/", views_framework.district_page, name="districts"),
    path(
        "haku/<slug:slug>/kohdekaupunginosat/",
        views_framework.target_districts_form,
        name="target_districts",
    ),
    path("haku/<slug:slug>/kehys/", views_framework_edit.framework_page, name="framework"),
    path(
        "haku/<slug:slug>/kehys/<slug:kind>/",
        views_framework_edit.framework_item,
        name="framework_new",
    ),
    path(
        "haku/<slug:slug>/kehys/<slug:kind>/<int:pk>/",
        views_framework_edit.framework_item,
        name="framework_edit",
    ),
    path(
        "haku/<slug:slug>/kehys/<slug:kind>/<int:pk>/poista/",
        views_framework_edit.framework_delete,
        name="framework_delete",
    ),
    path(
        "ohjelma/<slug:slug>/indikaattorit/",
        views_programme.programme_indicators,
        name="programme_indicators",
    ),
    path(
        "ohjelma/<slug:slug>/indikaattorit/uusi/",
        views_programme.programme_indicator,
        name="programme_indicator_new",
    ),
    path(
        "ohjelma/<slug:slug>/indikaattorit/<int:pk>/",
        views_programme.programme_indicator,
        name="programme_indicator_edit",
    ),
    path(
        "ohjelma/<slug:slug>/indikaattorit/<int:pk>/poista/",
        views_programme.programme_indicator_delete,
        name="programme_indicator_delete",
    ),
    path("haku/<slug:slug>/aikataulu/", views_framework.schedule_form, name="schedule"),
    path("osahanke/<int:pk>/", views_reports.part_reports, name="part_reports"),
    path("osahanke/<int:pk>/tavoitteet/", views_reports.part_targets, name="part_targets"),
    path("raportti/<int:pk>/", views_reports.report_page, name="report"),
    path("raportti/<int:pk>/lomake/", views_reports.report_form, name="report_form"),
    path(
        "raportti/<int:pk>/liitteet/", views_reports.report_attachments, name="report_attachments"
    ),
    path("raportti/<int:pk>/laheta/", views_reports.report_send, name="report_send"),
    path("raportti/<int:pk>/kasittely/", views_reports.report_review, name="report_review"),
    path("liite/<int:pk>/", views_reports.attachment_download, name="attachment"),
    path("kaupunginosat/tuonti/", views.district_import, name="district_import"),
]
