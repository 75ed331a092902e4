"""Who may do what, in the domain's words: a role held in an organisation, a call or a theme.

A role is never deleted when it is taken away: the assignment keeps who revoked it, when and
why, because funding decisions are audited years later and "who could see this then" must
have an answer. Only active assignments (not revoked) give rights.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PREPARER = "preparer", _("hakemuksen valmistelija")
    SIGNATORY = "signatory", _("allekirjoitusoikeus")
    FINANCE_OFFICER = "finance_officer", _("talousvastaava")
    VIEWER = "viewer", _("katselija")
    AUTHORITY_OFFICER = "authority_officer", _("rahoittavan viranomaisen käsittelijä")
    ASSESSOR = "assessor", _("arvioija")
    MINISTRY_VIEWER = "ministry_viewer", _("ministeriön katselija")
    COORDINATOR = "coordinator", _("koordinaattori")
    GRANT_OFFICER = "grant_officer", _("avustusvastaava")
    ADMINISTRATOR = "administrator", _("ylläpitäjä")


# The people of an implementing organisation; its signatory manages them on the members page.
MEMBER_ROLES = (Role.PREPARER, Role.SIGNATORY, Role.FINANCE_OFFICER, Role.VIEWER)
# Roles whose scope is an organisation: the members' roles and the authorities' roles.
ORGANISATION_ROLES = (
    *MEMBER_ROLES,
    Role.AUTHORITY_OFFICER,
    Role.MINISTRY_VIEWER,
    Role.GRANT_OFFICER,
)
CALL_ROLES = (Role.ASSESSOR,)
THEME_ROLES = (Role.COORDINATOR,)
GLOBAL_ROLES = (Role.ADMINISTRATOR,)
# Roles that see applications, assessments or budgets that are not public yet: a stolen
# password alone must not open them, so these people must enrol a second factor.
MFA_REQUIRED_ROLES = frozenset(
    {
        Role.AUTHORITY_OFFICER,
        Role.ASSESSOR,
        Role.MINISTRY_VIEWER,
        Role.FINANCE_OFFICER,
        Role.COORDINATOR,
        Role.GRANT_OFFICER,
        Role.ADMINISTRATOR,
    }
)


def _scope(*, organisation: bool, call: bool, theme: bool) -> Q:
    return Q(organisation__isnull=not organisation, call__isnull=not call, theme__isnull=not theme)


class RoleAssignmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def for_user(self, user):
        return self.filter(user=user)

    def in_organisation(self, organisation):
        return self.filter(organisation=organisation)

    def members_view(self):
        return self.select_related("user", "organisation", "granted_by").order_by(
            "user__username", "role"
        )


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("käyttäjä"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("rooli"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisaatio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    theme = models.ForeignKey(
        "programmes.Theme",
        verbose_name=_("teema"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("myöntäjä"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("myönnetty"), default=timezone.now)
    revoked_at = models.DateTimeField(_("poistettu"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("poistaja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(_("poistamisen syy"), blank=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["user__username", "role"]
        verbose_name = _("rooli")
        verbose_name_plural = _("roolit")
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in Role]),
                name="role_assignment_known_role",
                violation_error_message=_("Tuntematon rooli."),
            ),
            models.CheckConstraint(
                condition=~Q(role__in=[r.value for r in ORGANISATION_ROLES])
                | _scope(organisation=True, call=False, theme=False),
                name="role_assignment_organisation_scope",
                violation_error_message=_(
                    "Tämä rooli annetaan organisaatiossa: valitse organisaatio, ei hakua "
                    "eikä teemaa."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(role__in=[r.value for r in CALL_ROLES])
                | _scope(organisation=False, call=True, theme=False),
                name="role_assignment_call_scope",
                violation_error_message=_("Arvioija arvioi yhden haun: valitse haku."),
            ),
            models.CheckConstraint(
                condition=~Q(role__in=[r.value for r in THEME_ROLES])
                | _scope(organisation=False, call=False, theme=True),
                name="role_assignment_theme_scope",
                violation_error_message=_("Koordinaattori koordinoi teemaa: valitse teema."),
            ),
            models.CheckConstraint(
                condition=~Q(role__in=[r.value for r in GLOBAL_ROLES])
                | _scope(organisation=False, call=False, theme=False),
                name="role_assignment_global_scope",
                violation_error_message=_("Ylläpitäjän rooli ei rajaudu organisaatioon."),
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""),
                name="role_assignment_revoked_with_reason",
                violation_error_message=_("Kerro, miksi rooli poistetaan."),
            ),
            # One active assignment per user, role and scope (each role has one scope, so
            # these four say "unique (user, role, organisation, call, theme)" with NULLs equal).
            *(
                models.UniqueConstraint(
                    fields=["user", "role", *([field] if field else [])],
                    condition=Q(revoked_at__isnull=True)
                    & _scope(
                        organisation=field == "organisation",
                        call=field == "call",
                        theme=field == "theme",
                    ),
                    name=f"role_assignment_unique_{field or 'global'}",
                    violation_error_message=_("Käyttäjällä on jo tämä rooli."),
                )
                for field in ("organisation", "call", "theme", "")
            ),
        ]

    def __str__(self) -> str:
        scope = self.organisation or self.call or self.theme
        return f"{self.user} – {self.get_role_display()}" + (f" ({scope})" if scope else "")

    @property
    def scope(self):
        return self.organisation or self.call or self.theme

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


def hash_token(token: str) -> str:
    """Invitations store only a digest: whoever reads the database cannot accept them."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())

    def by_token(self, token: str):
        return self.filter(token_hash=hash_token(token))


class Invitation(models.Model):
    """An e-mail invitation to take a role in an organisation; the link in it works once."""

    email = models.EmailField(_("sähköpostiosoite"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisaatio"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(
        _("rooli"), max_length=30, choices=[(r.value, r.label) for r in MEMBER_ROLES]
    )
    token_hash = models.CharField(_("tunnisteen tiiviste"), max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kutsuja"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("luotu"), default=timezone.now)
    expires_at = models.DateTimeField(_("vanhenee"))
    accepted_at = models.DateTimeField(_("hyväksytty"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hyväksyjä"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("kutsu")
        verbose_name_plural = _("kutsut")
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in MEMBER_ROLES]),
                name="invitation_member_role",
                violation_error_message=_("Kutsulla voi antaa vain organisaation jäsenen roolin."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} – {self.organisation} ({self.get_role_display()})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A personal API token: the API acts as its owner, with the owner's roles and rights.

    Only the SHA-256 of the token is stored; the token itself is shown once, when it is made.
    A revoked token stays listed (with when) so its owner sees what was in use.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("käyttäjä"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("nimi"), max_length=100)
    key_hash = models.CharField(_("tiiviste"), max_length=64, unique=True)
    prefix = models.CharField(_("alku"), max_length=12)
    created = models.DateTimeField(_("luotu"), auto_now_add=True)
    last_used = models.DateTimeField(_("käytetty viimeksi"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("peruttu"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("rajapinta-avain")
        verbose_name_plural = _("rajapinta-avaimet")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
