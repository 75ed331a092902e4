from django.urls import path

from hankesalkku.core.views import placeholder

app_name = "documents"

urlpatterns = [
    path("", placeholder, name="upload"),
]
