from decimal import Decimal

from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned
from hankesalkku.core.money import money_field, qualifier_field, support_rate

from .status import ApplicationStatus

FINANCING_COMPONENTS = (
    "support",
    "own_financing",
    "municipal_financing",
    "other_public_financing",
    "private_financing",
)
SUMMED_FIELDS = ("total_cost", *FINANCING_COMPONENTS)
"""What a project's implementers' parts add up to on the lists (and all a list loads of them)."""


class ApplicationRole(models.TextChoices):
    LEAD_COORDINATOR = "lead_coordinator", _("pääkoordinaattori")
    MAIN_IMPLEMENTER = "main_implementer", _("päätoteuttaja")
    CO_IMPLEMENTER = "co_implementer", _("osatoteuttaja")
    IMPLEMENTER = "implementer", _("toteuttaja")


def _components_sum():
    zero = Value(Decimal("0.00"), output_field=models.DecimalField(max_digits=14, decimal_places=2))
    total = None
    for name in FINANCING_COMPONENTS:
        term = Coalesce(name, zero)
        total = term if total is None else total + term
    return total


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An implementer's part is seen by whoever may see its project entity."""
        from .entity import ProjectEntity

        return self.filter(entity__in=ProjectEntity.objects.visible_to(user).values("pk"))

    def with_organisations(self):
        return self.select_related(
            "organisation",
            "organisation__parent",
            "organisation__region",
            "unit",
            "municipal_financing_payer",
            "municipal_financing_budget_item",
        )


class Application(Versioned):
    """One implementer's application and part (osahanke) in a project entity, with its financing.

    Financing components must add up to the total cost whenever the total is known;
    an unknown component (None) is not the same as zero and is shown as unknown.
    """

    entity = models.ForeignKey(
        "projects.ProjectEntity",
        verbose_name=_("hankekokonaisuus"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("toteuttaja"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    unit = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("vastuuyksikkö"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsible_applications",
    )
    role = models.CharField(_("rooli"), max_length=20, choices=ApplicationRole.choices)
    status = models.CharField(
        _("hakemuksen tila"),
        max_length=30,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    code = models.CharField(_("hankekoodi"), max_length=20, blank=True)
    starts = models.DateField(_("alkaa"), null=True, blank=True)
    ends = models.DateField(_("päättyy"), null=True, blank=True)
    total_cost = money_field(_("kokonaiskustannukset"))
    total_cost_qualifier = qualifier_field()
    support = money_field(_("tuki (EU ja valtio)"))
    support_qualifier = qualifier_field()
    own_financing = money_field(_("omarahoitus"))
    own_financing_qualifier = qualifier_field()
    municipal_financing = money_field(_("kuntarahoitus"))
    municipal_financing_qualifier = qualifier_field()
    municipal_financing_payer = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("kuntarahoituksen maksaja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="municipal_financing_paid",
    )
    municipal_financing_budget_item = models.ForeignKey(
        "organisations.BudgetItem",
        verbose_name=_("kuntarahoituksen talousarviokohta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    other_public_financing = money_field(_("muu julkinen rahoitus"))
    other_public_financing_qualifier = qualifier_field()
    private_financing = money_field(_("yksityinen rahoitus"))
    private_financing_qualifier = qualifier_field()
    is_illustrative = models.BooleanField(_("havainnollistava"), default=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["entity", "role", "organisation__name"]
        verbose_name = _("hakemus (osahanke)")
        verbose_name_plural = _("hakemukset (osahankkeet)")
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "organisation"], name="one_application_per_implementer"
            ),
            models.CheckConstraint(
                condition=Q(total_cost__isnull=True) | Q(total_cost=_components_sum()),
                name="financing_adds_up",
                violation_error_message=_(
                    "Rahoitus ei täsmää: tuki, omarahoitus, kuntarahoitus, muu julkinen ja "
                    "yksityinen rahoitus yhteensä eivät ole kokonaiskustannusten suuruiset."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.entity}"

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.entity.slug])

    @property
    def support_rate(self) -> Decimal | None:
        return support_rate(self.support, self.total_cost)

    def components_total(self) -> Decimal:
        return sum(
            (getattr(self, name) or Decimal("0") for name in FINANCING_COMPONENTS), Decimal("0")
        )


class PartnerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A partner is seen by whoever may see its project entity."""
        from .entity import ProjectEntity

        return self.filter(entity__in=ProjectEntity.objects.visible_to(user).values("pk"))


class Partner(models.Model):
    """A partner that works with the project but is not a beneficiary of the grant."""

    entity = models.ForeignKey(
        "projects.ProjectEntity",
        verbose_name=_("hankekokonaisuus"),
        on_delete=models.CASCADE,
        related_name="partners",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisaatio"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    description = models.CharField(_("rooli hankkeessa"), max_length=300, blank=True)
    is_illustrative = models.BooleanField(_("havainnollistava"), default=False)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["entity", "organisation__name"]
        verbose_name = _("partneri")
        verbose_name_plural = _("partnerit")
        constraints = [
            models.UniqueConstraint(fields=["entity", "organisation"], name="one_partner_record")
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.entity.slug])
