import re

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned
from hankesalkku.core.money import money_field, qualifier_field
from hankesalkku.organisations.models import BudgetItem


class DecisionMakerKind(models.TextChoices):
    OFFICE_HOLDER = "office_holder", _("viranhaltija")
    DIVISION = "division", _("jaosto")
    COMMITTEE = "committee", _("lautakunta")
    BOARD = "board", _("hallitus")
    COUNCIL = "council", _("valtuusto")
    AUTHORITY = "authority", _("viranomainen")


class Appeal(models.TextChoices):
    NO_APPEAL = "no_appeal", _("Muutoksenhakukielto")
    CORRECTION_REQUEST = "correction_request", _("Oikaisuvaatimus")
    APPEAL = "appeal", _("Valitus")
    UNKNOWN = "", _("ei tiedossa")


class DecisionStage(models.TextChoices):
    PROPOSAL = "proposal", _("päätösehdotus (esityslista)")
    DECIDED = "decided", _("päätös")


class DecisionQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("organisation").prefetch_related("project_entities")


class Decision(Versioned):
    """A decision, or an agenda item's proposal, as the decision system publishes it.

    Identifiers are stored in their printed form (HEL 2023-014238, 54 §, T 02 05 01 01) and
    normalised in `clean` (every service validates before it saves) so that the API forms
    (HEL-2023-014238, "54", "02 05 01 01") match them.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisaatio"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    decision_maker = models.CharField(_("päätöksentekijä"), max_length=200)
    decision_maker_kind = models.CharField(
        _("päätöksentekijän laji"), max_length=20, choices=DecisionMakerKind.choices
    )
    stage = models.CharField(
        _("vaihe"), max_length=10, choices=DecisionStage.choices, default=DecisionStage.DECIDED
    )
    date = models.DateField(_("päivämäärä"))
    section = models.CharField(
        _("pykälä tai asiakohta"),
        max_length=20,
        blank=True,
        help_text=_("Pelkkä numero, esim. 54."),
    )
    diary_number = models.CharField(_("diaarinumero"), max_length=60, blank=True, db_index=True)
    classification_code = models.CharField(
        _("tehtäväluokka"),
        max_length=30,
        blank=True,
        help_text=_("Ilman T-kirjainta: 02 05 01 01."),
    )
    title = models.CharField(_("otsikko"), max_length=500)
    summary = models.TextField(_("päätöksen sisältö"), blank=True)
    presenter = models.CharField(_("esittelijä"), max_length=200, blank=True)
    appeal = models.CharField(
        _("muutoksenhaku"), max_length=20, choices=Appeal.choices, blank=True, default=""
    )
    appeal_law = models.CharField(_("sovellettava lainkohta"), max_length=100, blank=True)
    url = models.URLField(_("verkko-osoite"), blank=True)
    project_entities = models.ManyToManyField(
        "projects.ProjectEntity", verbose_name=_("hankkeet"), blank=True, related_name="decisions"
    )
    calls = models.ManyToManyField(
        "programmes.Call", verbose_name=_("haut"), blank=True, related_name="decisions"
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "organisation__name", "section"]
        verbose_name = _("päätös")
        verbose_name_plural = _("päätökset")
        # The decision list pages newest first by date with the key as tiebreaker.
        indexes = [models.Index(fields=["date", "id"], name="decision_date_key")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "decision_maker", "date", "section"],
                condition=~Q(section=""),
                name="decision_section_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.section_label} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("decisions:detail", args=[self.pk])

    def clean(self):
        """API and printed identifiers in one form before the unique check compares them."""
        self.diary_number = normalise_diary_number(self.diary_number)
        self.section = normalise_section(self.section)
        self.classification_code = normalise_classification(self.classification_code)

    @property
    def section_label(self) -> str:
        if not self.section:
            return ""
        if self.stage == DecisionStage.PROPOSAL and self.decision_maker_kind != "office_holder":
            return _("Asia %(n)s") % {"n": self.section}
        return f"{self.section} §"

    @property
    def classification_label(self) -> str:
        return f"T {self.classification_code}" if self.classification_code else ""


def normalise_diary_number(value: str) -> str:
    """HEL-2023-014238 (API) and HEL 2023-014238 (print) are the same case."""
    value = " ".join((value or "").split())
    return re.sub(r"^([A-ZÅÄÖ]{2,})-(\d{4}-\d+)$", r"\1 \2", value)


def normalise_section(value: str) -> str:
    return re.sub(r"[§\s]|^Asia/?", "", value or "")


def normalise_classification(value: str) -> str:
    return re.sub(r"^T\s*", "", " ".join((value or "").split()))


class CommitmentPurpose(models.TextChoices):
    OWN_FINANCING = "own_financing", _("omarahoitusosuus")
    MUNICIPAL_FINANCING = "municipal_financing", _("kuntarahoitusosuus")
    PROJECT_COSTS = "project_costs", _("hankekustannusten varaus")


class CommitmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Commitments for a draft project are seen only by those who may see the draft."""
        from hankesalkku.projects.models import ProjectEntity

        return self.filter(
            Q(entity__isnull=True)
            | Q(entity__in=ProjectEntity.objects.visible_to(user).values("pk"))
        )

    def with_related(self):
        return self.select_related(
            "decision", "payer", "payer__parent", "budget_item", "beneficiary", "entity__call"
        )


class Commitment(Versioned):
    """Money an organisation decided to set aside for a project: the finance office's ledger."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("päätös"), on_delete=models.PROTECT, related_name="commitments"
    )
    payer = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("maksaja"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    budget_item = models.ForeignKey(
        BudgetItem,
        verbose_name=_("talousarviokohta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    purpose = models.CharField(_("tarkoitus"), max_length=30, choices=CommitmentPurpose.choices)
    amount = money_field(_("määrä"), null=False)
    qualifier = qualifier_field()
    spent = money_field(_("käytetty"), null=False, default=0)
    entity = models.ForeignKey(
        "projects.ProjectEntity",
        verbose_name=_("hanke"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    beneficiary = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("saaja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments_received",
        help_text=_("Organisaatio, jonka osuus maksetaan (esim. kuntarahoitus partnerille)."),
    )
    starts_year = models.PositiveSmallIntegerField(_("alkuvuosi"), null=True, blank=True)
    ends_year = models.PositiveSmallIntegerField(_("loppuvuosi"), null=True, blank=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["decision__date", "payer__name"]
        verbose_name = _("sitoumus")
        verbose_name_plural = _("sitoumukset")
        constraints = [
            models.CheckConstraint(
                condition=Q(spent__lte=F("amount")),
                name="commitment_spent_within_amount",
                violation_error_message=_("Käytetty määrä ylittää sitoumuksen."),
            ),
            models.CheckConstraint(
                condition=Q(starts_year__isnull=True)
                | Q(ends_year__isnull=True)
                | Q(ends_year__gte=F("starts_year")),
                name="commitment_years_ordered",
                violation_error_message=_("Sitoumuksen loppuvuosi on ennen alkuvuotta."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.payer}: {self.amount} € ({self.entity})"

    def get_absolute_url(self) -> str:
        return reverse("decisions:detail", args=[self.decision_id])

    @property
    def open_amount(self):
        return self.amount - self.spent


from .budgets import ApprovedBudget, ApprovedBudgetLine  # noqa: E402,F401  (registered here)
