"""Forms of the members page and the invitation page; the services do the checking."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import MEMBER_ROLES

MEMBER_ROLE_CHOICES = [(role.value, role.label) for role in MEMBER_ROLES]


class GrantForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Henkilö"), queryset=get_user_model().objects.none())
    role = forms.ChoiceField(label=_("Rooli"), choices=MEMBER_ROLE_CHOICES)

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        if members is not None:
            self.fields["user"].queryset = members


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Poistamisen syy"),
        max_length=500,
        help_text=_("Syy tallentuu roolin historiaan."),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Sähköpostiosoite"))
    role = forms.ChoiceField(label=_("Rooli"), choices=MEMBER_ROLE_CHOICES)


class InvitationAcceptForm(forms.Form):
    username = forms.CharField(
        label=_("Käyttäjätunnus"),
        max_length=150,
        help_text=_("Kirjaimia, numeroita ja merkkejä @ . + - _"),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password1 = forms.CharField(
        label=_("Salasana"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Vähintään 10 merkkiä; ei pelkkiä numeroita, ei yleinen salasana eikä liian "
            "samanlainen kuin käyttäjätunnus tai sähköpostiosoite."
        ),
    )
    password2 = forms.CharField(
        label=_("Salasana uudelleen"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Salasanat eivät ole samat."))
        return data
