from django.urls import path

from hankesalkku.core.views import placeholder
from hankesalkku.documents.views_sources import source_detail

app_name = "documents"

urlpatterns = [
    path("", placeholder, name="upload"),
    path("lahde/<int:pk>/", source_detail, name="source"),
]
