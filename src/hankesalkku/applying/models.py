"""Applying: a call's rules for applicants, each part's budget lines and its submitted versions.

The application itself (one per implementer, with its financing) lives in projects; here are
what applying adds to it: the lines the budget is made of, the call's rules the part is checked
against, and the frozen record of every figure as it was submitted (the receipt prints it).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned
from hankesalkku.core.money import money_field
from hankesalkku.organisations.models import OrganisationType
from hankesalkku.projects.models import CostCategory


class CallRulesQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A call's rules are published with the call."""
        return self


class CallRules(Versioned):
    """What a call asks of applicants beyond its period and support rate (programmes.Call)."""

    call = models.OneToOneField(
        "programmes.Call", verbose_name=_("haku"), on_delete=models.CASCADE, related_name="rules"
    )
    eligible_organisation_types = models.JSONField(
        _("hakukelpoiset organisaatiotyypit"),
        default=list,
        blank=True,
        help_text=_("Tyhjä: kaikki organisaatiotyypit."),
    )
    flat_rate_allowed = models.BooleanField(_("40 %:n flat rate käytössä"), default=True)
    lump_sum_allowed = models.BooleanField(_("kertakorvaus sallittu"), default=False)
    lump_sum_ceiling = money_field(_("kertakorvauksen enimmäismäärä"))
    required_attachments = models.TextField(
        _("vaaditut liitteet"), blank=True, help_text=_("Yksi liite riviä kohden.")
    )

    objects = CallRulesQuerySet.as_manager()

    class Meta:
        verbose_name = _("haun säännöt")
        verbose_name_plural = _("hakujen säännöt")

    def __str__(self) -> str:
        return str(self.call)

    def clean(self):
        from django.core.exceptions import ValidationError

        unknown = set(self.eligible_organisation_types or []) - set(OrganisationType.values)
        if unknown:
            raise ValidationError(
                {
                    "eligible_organisation_types": _("Tuntematon organisaatiotyyppi: %s")
                    % ", ".join(sorted(unknown))
                }
            )

    def allows_type(self, organisation_type: str) -> bool:
        return not self.eligible_organisation_types or (
            organisation_type in self.eligible_organisation_types
        )


class BudgetLineQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A budget line is seen by whoever may see its application."""
        from hankesalkku.projects.models import Application

        return self.filter(application__in=Application.objects.visible_to(user).values("pk"))


class BudgetLine(models.Model):
    """One cost category in one year of an implementer's budget; computed lines keep the working."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus"),
        on_delete=models.CASCADE,
        related_name="budget_lines",
    )
    category = models.CharField(_("kustannuslaji"), max_length=30, choices=CostCategory.choices)
    year = models.PositiveSmallIntegerField(_("vuosi"))
    amount = money_field(_("summa"), null=False)
    annual_pay = money_field(_("vuosipalkka"))
    hours = models.DecimalField(_("tunnit"), max_digits=8, decimal_places=2, null=True, blank=True)
    working = models.CharField(_("laskentatapa"), max_length=300, blank=True)

    objects = BudgetLineQuerySet.as_manager()

    class Meta:
        ordering = ["application", "year", "category"]
        verbose_name = _("talousarviorivi")
        verbose_name_plural = _("talousarviorivit")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_line_not_negative"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="budget_line_year_sensible"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.year}: {self.amount} €"


class SubmittedVersionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A submitted version is seen by whoever may see its application."""
        from hankesalkku.projects.models import Application

        return self.filter(application__in=Application.objects.visible_to(user).values("pk"))


class SubmittedVersion(models.Model):
    """Every figure of a part as its signatory submitted it; a supplement adds the next number."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus"),
        on_delete=models.CASCADE,
        related_name="submitted_versions",
    )
    number = models.PositiveSmallIntegerField(_("versio"))
    submitted_at = models.DateTimeField(_("lähetetty"), auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lähettäjä"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    figures = models.JSONField(_("luvut lähetettäessä"))
    attachments = models.ManyToManyField(
        "applying.Attachment", verbose_name=_("liitteet"), blank=True, related_name="versions"
    )

    objects = SubmittedVersionQuerySet.as_manager()

    class Meta:
        ordering = ["application", "number"]
        verbose_name = _("lähetetty versio")
        verbose_name_plural = _("lähetetyt versiot")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="one_submitted_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} v{self.number}"


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An attachment is seen by whoever may see its application (downloads ask more)."""
        from hankesalkku.projects.models import Application

        return self.filter(application__in=Application.objects.visible_to(user).values("pk"))

    def current(self):
        return self.filter(is_current=True)


class Attachment(models.Model):
    """A file attached to an implementer's part, kept as received and never changed.

    Why never changed: a submitted version names the attachments it was submitted with, and
    what the funding authority read must stay what it was. Replacing a file during a supplement
    takes the old one out of the draft (`is_current`), it is not overwritten.
    """

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    purpose = models.CharField(
        _("liitteen aihe"),
        max_length=200,
        help_text=_("Haun vaatima liite, jonka tiedosto on, tai oma kuvaus."),
    )
    filename = models.CharField(_("tiedostonimi"), max_length=200)
    kind = models.CharField(_("tiedostolaji"), max_length=10)
    size = models.PositiveIntegerField(_("koko (tavua)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content = models.BinaryField(_("sisältö"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lisääjä"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("lisätty"), auto_now_add=True)
    is_current = models.BooleanField(_("mukana hakemuksessa"), default=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["application", "purpose", "pk"]
        verbose_name = _("liite")
        verbose_name_plural = _("liitteet")

    def __str__(self) -> str:
        return f"{self.purpose}: {self.filename}"


class NoticeLanguage(models.Model):
    """The language a person reads notices in (fi, sv, en); Finnish where none is set.

    Kept here until accounts holds a person's language: the submit notice is the first mail
    sent to someone who never chose a language in a form.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("käyttäjä"),
        on_delete=models.CASCADE,
        related_name="notice_language",
    )
    language = models.CharField(_("kieli"), max_length=2, choices=settings.LANGUAGES, default="fi")

    class Meta:
        verbose_name = _("ilmoitusten kieli")
        verbose_name_plural = _("ilmoitusten kielet")

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"
