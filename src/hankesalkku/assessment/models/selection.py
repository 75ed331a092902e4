"""The reasoned choice of which entities are funded, and the implementer's change requests.

Why records and not flags: the selection is reasoned in writing (LIFECYCLE: "the selection is
reasoned") and must show later whether it followed the ranking's proposal; an amendment request
(muutoshakemus) is the implementer's, the amendment decision the authority's, and both stay.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned


class Selection(models.Model):
    """The officer's reasoned choice for one entity of a call: funded or not, and why."""

    entity = models.OneToOneField(
        "projects.ProjectEntity",
        verbose_name=_("hankekokonaisuus"),
        on_delete=models.CASCADE,
        related_name="selection",
    )
    selected = models.BooleanField(_("valittu rahoitettavaksi"))
    proposed = models.BooleanField(
        _("valintaehdotuksessa"),
        help_text=_(
            "Oliko kokonaisuus paremmuusjärjestyksen ehdotuksessa määrärahan rajan sisällä."
        ),
    )
    score = models.DecimalField(
        _("painotettu pistemäärä"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    reasoning = models.TextField(_("perustelu"))
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("valitsija"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    chosen_at = models.DateTimeField(_("valittu"), auto_now_add=True)

    class Meta:
        ordering = ["entity"]
        verbose_name = _("rahoitusvalinta")
        verbose_name_plural = _("rahoitusvalinnat")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reasoning=""),
                name="selection_reasoned",
                violation_error_message=_("Perustelu: valinta on perusteltava."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity}: {self.selected}"


class AmendmentKind(models.TextChoices):
    BUDGET = "budget", _("budjetin muutos kustannuslajien välillä")
    PERIOD = "period", _("toteutusajan jatko")
    PARTNER = "partner", _("uusi yhteistyökumppani")


class AmendmentRequestStatus(models.TextChoices):
    PENDING = "pending", _("käsiteltävänä")
    APPROVED = "approved", _("hyväksytty")
    REJECTED = "rejected", _("hylätty")


AMENDMENT_REQUEST_TRANSITIONS = {
    AmendmentRequestStatus.PENDING: (
        AmendmentRequestStatus.APPROVED,
        AmendmentRequestStatus.REJECTED,
    ),
    AmendmentRequestStatus.APPROVED: (),
    AmendmentRequestStatus.REJECTED: (),
}


class AmendmentRequest(Versioned):
    """The implementer's change request (muutoshakemus) for its funded part."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus"),
        on_delete=models.PROTECT,
        related_name="amendment_requests",
    )
    kind = models.CharField(_("muutoksen laji"), max_length=20, choices=AmendmentKind.choices)
    description = models.TextField(_("muutoksen kuvaus ja perustelu"))
    lines = models.JSONField(
        _("ehdotetut kustannusrivit"),
        default=list,
        blank=True,
        help_text=_("Budjetin muutoksessa: [kustannuslaji, vuosi, summa] riveittäin."),
    )
    new_ends = models.DateField(_("uusi päättymispäivä"), null=True, blank=True)
    partner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("uusi yhteistyökumppani"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("tila"),
        max_length=20,
        choices=AmendmentRequestStatus.choices,
        default=AmendmentRequestStatus.PENDING,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hakija"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("haettu"), auto_now_add=True)
    answer = models.TextField(_("päätöksen perustelu"), blank=True)
    amendment = models.OneToOneField(
        "assessment.Amendment",
        verbose_name=_("muutospäätös"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="request",
    )

    class Meta:
        ordering = ["application", "-requested_at", "-pk"]
        verbose_name = _("muutoshakemus")
        verbose_name_plural = _("muutoshakemukset")
        constraints = [
            models.CheckConstraint(
                condition=~Q(description=""),
                name="amendment_request_described",
                violation_error_message=_("Kuvaus: kerro, mitä muutetaan ja miksi."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="period") | Q(new_ends__isnull=False),
                name="period_request_has_date",
                violation_error_message=_("Uusi päättymispäivä: anna jatkettu päättymispäivä."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="partner") | Q(partner__isnull=False),
                name="partner_request_has_partner",
                violation_error_message=_("Yhteistyökumppani: valitse uusi kumppani."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_kind_display()}"
