"""Pages of applying, mounted at /hakemukset/."""

from django.urls import path

from . import receipt, views

app_name = "applying"

urlpatterns = [
    path("omat/", views.mine, name="mine"),
    path("aloita/<slug:slug>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/talousarvio/", views.budget, name="budget"),
    path("<int:pk>/tarkista/", views.check, name="check"),
    path("<int:pk>/osatoteuttaja/", views.part_add, name="part_add"),
    path("<int:pk>/laheta/", views.submit, name="submit"),
    path("<int:pk>/kuitti/<int:number>/", receipt.receipt, name="receipt"),
]
