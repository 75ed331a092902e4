"""The public pages, each under the namespace of the records it shows."""

from django.urls import include, path

from . import calls, catalogue_lists, home, organisations, project_list, projects, start

calls_patterns = (
    [
        path("", catalogue_lists.call_list, name="call_list"),
        path("<slug:slug>/", calls.call_detail, name="call_detail"),
    ],
    "programmes",
)
projects_patterns = (
    [
        path("", project_list.project_list, name="list"),
        path("lataa/<str:fmt>/", project_list.project_download, name="download"),
        path("<slug:slug>/", projects.project_detail, name="detail"),
        path("<slug:slug>/historia/", projects.project_history, name="history"),
    ],
    "projects",
)
organisations_patterns = (
    [
        path("", catalogue_lists.organisation_list, name="list"),
        path("<slug:slug>/", organisations.organisation_detail, name="detail"),
    ],
    "organisations",
)

home_patterns = (
    [path("", home.home, name="home"), path("tyopoyta/", start.start, name="start")],
    "site",
)

urlpatterns = [
    path("", include(home_patterns)),
    path("haut/", include(calls_patterns)),
    path("hankkeet/", include(projects_patterns)),
    path("organisaatiot/", include(organisations_patterns)),
]
