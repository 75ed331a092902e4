from django.urls import path

from . import views, views_invitations, views_tokens

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("organisaatiot/<slug:slug>/jasenet/", views.members, name="members"),
    path("organisaatiot/<slug:slug>/jasenet/anna/", views.member_grant, name="member_grant"),
    path(
        "organisaatiot/<slug:slug>/jasenet/<int:pk>/poista/",
        views.member_revoke,
        name="member_revoke",
    ),
    path("organisaatiot/<slug:slug>/jasenet/kutsu/", views.member_invite, name="member_invite"),
    path("kutsu/<str:token>/", views_invitations.invitation, name="invitation"),
    path("rajapinta-avaimet/", views_tokens.api_tokens, name="api_tokens"),
    path(
        "rajapinta-avaimet/<int:pk>/peru/",
        views_tokens.api_token_revoke_view,
        name="api_token_revoke",
    ),
]
