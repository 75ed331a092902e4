from django.urls import path

from hankesalkku.core.views import placeholder

app_name = "core"

urlpatterns = [
    path("", placeholder, name="home"),
]
