from django.urls import path

from hankesalkku.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/tarkista/", views.review, name="review"),
    path("<int:pk>/kohteet/", views.targets, name="targets"),
    path("<int:pk>/tallenna/", views.apply, name="apply"),
    path("<int:pk>/vahvista/", views.confirm_unconflicted, name="confirm_unconflicted"),
    path("arvo/<int:pk>/<str:action>/", views.value_action, name="value_action"),
    path("era/<int:pk>/", views.batch, name="batch"),
]
