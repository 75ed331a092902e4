"""The budget a funding decision approved for one implementer, and every one that replaced it.

A funding decision (myöntöpäätös) approves a part's budget by cost category and year with its
support; an amendment decision (muutospäätös) approves a new one. Each approval is a revision
of its own that is never edited afterwards: the history of approved budgets is the list of
revisions, and exactly one is in force. Payment claims are checked against the one in force.
"""

from decimal import Decimal

from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.money import money_field
from hankesalkku.projects.models import CostCategory


class ApprovedBudgetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An approved budget is public once its project is: decisions are public documents."""
        from hankesalkku.projects.models import ProjectEntity

        return self.filter(
            application__entity__in=ProjectEntity.objects.visible_to(user).values("pk")
        )

    def in_force(self):
        return self.filter(in_force=True)


class ApprovedBudget(models.Model):
    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus (osahanke)"),
        on_delete=models.PROTECT,
        related_name="approved_budgets",
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        verbose_name=_("päätös"),
        on_delete=models.PROTECT,
        related_name="approved_budgets",
    )
    revision = models.PositiveSmallIntegerField(_("versio"))
    in_force = models.BooleanField(_("voimassa"), default=True)
    cost_model = models.ForeignKey(
        "programmes.CostModel",
        verbose_name=_("kustannusmalli"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts = models.DateField(_("alkaa"), null=True, blank=True)
    ends = models.DateField(_("päättyy"), null=True, blank=True)
    support = money_field(_("myönnetty tuki"), null=False)
    support_rate = models.DecimalField(
        _("tukiprosentti"),
        max_digits=5,
        decimal_places=4,
        help_text=_("Osuutena: 0,7500 = 75 %."),
    )
    conditions = models.TextField(_("ehdot"), blank=True)
    approved_at = models.DateTimeField(_("hyväksytty"), auto_now_add=True)

    objects = ApprovedBudgetQuerySet.as_manager()

    class Meta:
        ordering = ["application", "-revision"]
        verbose_name = _("hyväksytty budjetti")
        verbose_name_plural = _("hyväksytyt budjetit")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "revision"], name="approved_budget_revision_unique"
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(in_force=True),
                name="one_approved_budget_in_force",
                violation_error_message=_(
                    "Osahankkeella voi olla vain yksi voimassa oleva budjetti."
                ),
            ),
            models.CheckConstraint(
                condition=Q(support_rate__gte=0) & Q(support_rate__lte=1),
                name="approved_support_rate_fraction",
                violation_error_message=_("Tukiprosentin on oltava 0–100 %."),
            ),
            models.CheckConstraint(
                condition=Q(starts__isnull=True)
                | Q(ends__isnull=True)
                | Q(ends__gte=models.F("starts")),
                name="approved_budget_period_ordered",
                violation_error_message=_("Hyväksytty toteutusaika päättyy ennen alkuaan."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} – {self.revision}"

    def get_absolute_url(self) -> str:
        return self.application.get_absolute_url()

    def total(self) -> Decimal:
        return self.lines.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


class ApprovedBudgetLine(models.Model):
    budget = models.ForeignKey(
        ApprovedBudget, verbose_name=_("budjetti"), on_delete=models.CASCADE, related_name="lines"
    )
    category = models.CharField(_("kustannuslaji"), max_length=30, choices=CostCategory.choices)
    year = models.PositiveSmallIntegerField(_("vuosi"), null=True, blank=True)
    amount = money_field(_("määrä"), null=False)

    class Meta:
        ordering = ["budget", "category", "year"]
        verbose_name = _("hyväksytyn budjetin rivi")
        verbose_name_plural = _("hyväksytyn budjetin rivit")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "category", "year"],
                name="approved_budget_line_unique",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="approved_budget_line_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.year or ''}: {self.amount} €"
