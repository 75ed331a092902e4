from django.urls import path

from hankesalkku.core.views import placeholder

app_name = "insights"

urlpatterns = [
    path("", placeholder, name="overview"),
]
