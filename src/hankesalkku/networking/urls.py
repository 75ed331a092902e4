from django.urls import path

from . import views

app_name = "networking"

urlpatterns = [
    path("", views.who, name="who"),
    path("hankkeet/<slug:slug>/samankaltaiset/", views.similar, name="similar"),
]
