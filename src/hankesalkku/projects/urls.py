from django.urls import path

from hankesalkku.core.views import placeholder

app_name = "projects"

urlpatterns = [
    path("", placeholder, name="list"),
]
