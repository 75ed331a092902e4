from django.urls import path

from hankesalkku.core.views import placeholder

app_name = "decisions"

urlpatterns = [
    path("", placeholder, name="list"),
]
