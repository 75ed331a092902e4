"""Screening, scored assessment and funding decisions of one call's applications.

Each step is a record of its own so that the funnel (received → eligible → assessed → selected
→ funded) can be counted from records, and a decision can say on what grounds it was made.
Who may see or write these is decided in `permissions.py`; the querysets only apply it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned


class ChecklistItem(Versioned):
    """One question of a call's formal eligibility checklist (applicant type, period …)."""

    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        on_delete=models.CASCADE,
        related_name="checklist_items",
    )
    text = models.CharField(_("tarkistettava asia"), max_length=300)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["call", "order", "pk"]
        verbose_name = _("muodollisen tarkastuksen kohta")
        verbose_name_plural = _("muodollisen tarkastuksen kohdat")

    def __str__(self) -> str:
        return self.text


class ScreeningOutcome(models.TextChoices):
    ELIGIBLE = "eligible", _("muodollisesti hyväksyttävä")
    INELIGIBLE = "ineligible", _("ei muodollisesti hyväksyttävä")
    SUPPLEMENT = "supplement", _("täydennyspyyntö")


class Screening(Versioned):
    """The funding authority's formal check of one application, with its reasoned outcome.

    A supplement request returns the application to the applicant; after it comes back, a new
    screening is recorded, so an application may have several and the latest counts.
    """

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus"),
        on_delete=models.CASCADE,
        related_name="screenings",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("käsittelijä"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(_("tulos"), max_length=20, choices=ScreeningOutcome.choices)
    reason = models.TextField(_("perustelu"), blank=True)
    supplement_deadline = models.DateField(_("täydennyksen määräpäivä"), null=True, blank=True)
    screened_at = models.DateTimeField(_("tarkastettu"), auto_now_add=True)

    class Meta:
        ordering = ["application", "-screened_at", "-pk"]
        verbose_name = _("muodollinen tarkastus")
        verbose_name_plural = _("muodolliset tarkastukset")
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome=ScreeningOutcome.INELIGIBLE) | ~Q(reason=""),
                name="ineligible_has_reason",
                violation_error_message=_("Perustelu: kielteinen tulos on perusteltava."),
            ),
            models.CheckConstraint(
                condition=~Q(outcome=ScreeningOutcome.SUPPLEMENT)
                | Q(supplement_deadline__isnull=False),
                name="supplement_has_deadline",
                violation_error_message=_("Määräpäivä: täydennyspyynnölle tarvitaan määräpäivä."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_outcome_display()}"


class ScreeningAnswer(models.Model):
    """One checklist item answered yes or no, with the officer's note."""

    screening = models.ForeignKey(
        Screening, verbose_name=_("tarkastus"), on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(
        ChecklistItem, verbose_name=_("kohta"), on_delete=models.PROTECT, related_name="+"
    )
    satisfied = models.BooleanField(_("täyttyy"))
    note = models.CharField(_("huomio"), max_length=500, blank=True)

    class Meta:
        ordering = ["screening", "item__order", "item__pk"]
        verbose_name = _("tarkastuksen vastaus")
        verbose_name_plural = _("tarkastuksen vastaukset")
        constraints = [
            models.UniqueConstraint(fields=["screening", "item"], name="one_answer_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.satisfied}"


class Criterion(Versioned):
    """An assessment criterion of a call in the call's own wording, with weight and scale."""

    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        on_delete=models.CASCADE,
        related_name="criteria",
    )
    wording = models.CharField(_("kriteeri"), max_length=500)
    weight = models.DecimalField(_("painokerroin"), max_digits=5, decimal_places=2, default=1)
    scale_min = models.SmallIntegerField(_("asteikko alkaen"), default=0)
    scale_max = models.SmallIntegerField(_("asteikko enintään"), default=5)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["call", "order", "pk"]
        verbose_name = _("arviointikriteeri")
        verbose_name_plural = _("arviointikriteerit")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_min__lt=F("scale_max")),
                name="criterion_scale_ordered",
                violation_error_message=_("Asteikko: alaraja on oltava ylärajaa pienempi."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gt=0),
                name="criterion_weight_positive",
                violation_error_message=_("Painokerroin: on oltava suurempi kuin nolla."),
            ),
        ]

    def __str__(self) -> str:
        return self.wording


class ConflictDeclaration(models.Model):
    """An assessor's declaration on conflict of interest (esteellisyys), for a call or one
    application; without one saying "no conflict" the assessor sees no application."""

    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("arvioija"),
        on_delete=models.CASCADE,
        related_name="conflict_declarations",
    )
    call = models.ForeignKey(
        "programmes.Call", verbose_name=_("haku"), on_delete=models.CASCADE, related_name="+"
    )
    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    has_conflict = models.BooleanField(_("esteellinen"))
    note = models.TextField(_("selvitys"), blank=True)
    declared_at = models.DateTimeField(_("ilmoitettu"), auto_now_add=True)

    class Meta:
        ordering = ["-declared_at"]
        verbose_name = _("esteellisyysilmoitus")
        verbose_name_plural = _("esteellisyysilmoitukset")
        constraints = [
            models.UniqueConstraint(
                fields=["assessor", "call"],
                condition=Q(application__isnull=True),
                name="one_call_declaration",
            ),
            models.UniqueConstraint(
                fields=["assessor", "application"],
                condition=Q(application__isnull=False),
                name="one_application_declaration",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessor}: {self.has_conflict}"


class ScoreQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Own scores (drafts too); others' only when submitted and the call is overseen by
        the user. Applicants and other assessors never see them."""
        from ..permissions import call_ids_overseen_by

        if not getattr(user, "is_authenticated", False):
            return self.none()
        overseen = call_ids_overseen_by(user)
        return self.filter(
            Q(assessor=user)
            | Q(submitted_at__isnull=False, application__entity__call_id__in=overseen)
        )


class Score(Versioned):
    """One assessor's score of one criterion for one application, with its justification.

    The scale is copied from the criterion when scored so the database itself refuses a value
    outside it; the score is the assessor's private draft until `submitted_at` is set.
    """

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("kriteeri"), on_delete=models.PROTECT, related_name="scores"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("arvioija"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    value = models.SmallIntegerField(_("pisteet"))
    scale_min = models.SmallIntegerField(_("asteikko alkaen"), editable=False)
    scale_max = models.SmallIntegerField(_("asteikko enintään"), editable=False)
    justification = models.TextField(_("perustelu"))
    submitted_at = models.DateTimeField(_("lähetetty"), null=True, blank=True)

    objects = ScoreQuerySet.as_manager()

    class Meta:
        ordering = ["application", "criterion__order", "assessor_id"]
        verbose_name = _("pisteytys")
        verbose_name_plural = _("pisteytykset")
        constraints = [
            models.UniqueConstraint(
                fields=["assessor", "criterion", "application"], name="one_score_per_assessor"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=F("scale_min")) & Q(value__lte=F("scale_max")),
                name="score_within_scale",
                violation_error_message=_("Pisteet: arvo on kriteerin asteikon ulkopuolella."),
            ),
            models.CheckConstraint(
                condition=~Q(justification=""),
                name="score_justified",
                violation_error_message=_("Perustelu: pisteet on perusteltava."),
            ),
        ]


class FundingOutcome(models.TextChoices):
    FUNDED = "funded", _("myönteinen päätös")
    DECLINED = "declined", _("kielteinen päätös")


class FundingDecision(models.Model):
    """The signed funding decision of one implementer's application: never edited afterwards.

    A change is an `Amendment`, which approves the next budget revision with its own decision.
    """

    application = models.OneToOneField(
        "projects.Application",
        verbose_name=_("hakemus"),
        on_delete=models.PROTECT,
        related_name="funding_decision",
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        verbose_name=_("päätös"),
        on_delete=models.PROTECT,
        related_name="funding_decisions",
    )
    outcome = models.CharField(_("päätös"), max_length=10, choices=FundingOutcome.choices)
    reasoning = models.TextField(_("perustelut"))
    language = models.CharField(
        _("päätöksen kieli"),
        max_length=2,
        choices=[("fi", "suomi"), ("sv", "svenska")],
        default="fi",
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("allekirjoittaja"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("allekirjoitettu"), auto_now_add=True)

    class Meta:
        ordering = ["-signed_at", "-pk"]
        verbose_name = _("rahoituspäätös")
        verbose_name_plural = _("rahoituspäätökset")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reasoning=""),
                name="funding_decision_reasoned",
                violation_error_message=_("Perustelut: päätös on perusteltava."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_outcome_display()}"


class Amendment(models.Model):
    """An amendment decision (muutospäätös): the next approved budget revision and why."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus"),
        on_delete=models.PROTECT,
        related_name="amendments",
    )
    decision = models.ForeignKey(
        "decisions.Decision", verbose_name=_("päätös"), on_delete=models.PROTECT, related_name="+"
    )
    budget = models.OneToOneField(
        "decisions.ApprovedBudget",
        verbose_name=_("hyväksytty talousarvio"),
        on_delete=models.PROTECT,
        related_name="amendment",
    )
    reason = models.TextField(_("muutoksen perustelu"))
    decided_at = models.DateTimeField(_("päätetty"), auto_now_add=True)

    class Meta:
        ordering = ["application", "decided_at"]
        verbose_name = _("muutospäätös")
        verbose_name_plural = _("muutospäätökset")

    def __str__(self) -> str:
        return f"{self.application}: {self.reason[:60]}"


from .selection import AmendmentKind, AmendmentRequest, AmendmentRequestStatus, Selection  # noqa: E402,F401
