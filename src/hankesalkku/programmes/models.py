from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.i18n import TranslatedNameMixin, localized, translated_name_fields
from hankesalkku.core.models import Versioned
from hankesalkku.core.money import money_field, qualifier_field


class ProgrammeKind(models.TextChoices):
    EU_PROGRAMME = "eu_programme", _("EU-rahoitusohjelma")
    MUNICIPAL_GRANTS = "municipal_grants", _("kunnan avustusohjelma")


class Programme(TranslatedNameMixin, models.Model):
    slug = models.SlugField(_("tunniste"), unique=True)
    name, name_sv, name_en = translated_name_fields()
    short_name = models.CharField(_("lyhyt nimi"), max_length=60, blank=True)
    kind = models.CharField(_("laji"), max_length=20, choices=ProgrammeKind.choices)
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("omistaja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    starts_year = models.PositiveSmallIntegerField(_("alkuvuosi"), null=True, blank=True)
    ends_year = models.PositiveSmallIntegerField(_("loppuvuosi"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("ohjelma")
        verbose_name_plural = _("ohjelmat")


class Priority(TranslatedNameMixin, models.Model):
    programme = models.ForeignKey(
        Programme, verbose_name=_("ohjelma"), on_delete=models.CASCADE, related_name="priorities"
    )
    number = models.CharField(_("numero"), max_length=10)
    name, name_sv, name_en = translated_name_fields()

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("toimintalinja")
        verbose_name_plural = _("toimintalinjat")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="priority_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.display_name}"


class SpecificObjective(TranslatedNameMixin, models.Model):
    priority = models.ForeignKey(
        Priority,
        verbose_name=_("toimintalinja"),
        on_delete=models.CASCADE,
        related_name="specific_objectives",
    )
    code = models.CharField(_("koodi"), max_length=10)
    name, name_sv, name_en = translated_name_fields()

    class Meta:
        ordering = ["code"]
        verbose_name = _("erityistavoite")
        verbose_name_plural = _("erityistavoitteet")
        constraints = [
            models.UniqueConstraint(fields=["priority", "code"], name="objective_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}"


class AdministrativeBranch(TranslatedNameMixin, models.Model):
    """Education, social and health, leisure: the grouping the coordination reports by."""

    slug = models.SlugField(_("tunniste"), unique=True)
    name, name_sv, name_en = translated_name_fields(120)
    is_social_and_health = models.BooleanField(_("sosiaali- ja terveyspalvelut"), default=False)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("hallinnonala")
        verbose_name_plural = _("hallinnonalat")


class Sector(TranslatedNameMixin, models.Model):
    """A sector within one branch; student welfare appears under two branches, as in the seed."""

    branch = models.ForeignKey(
        AdministrativeBranch,
        verbose_name=_("hallinnonala"),
        on_delete=models.PROTECT,
        related_name="sectors",
    )
    slug = models.SlugField(_("tunniste"), unique=True)
    name, name_sv, name_en = translated_name_fields(120)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["branch__order", "order"]
        verbose_name = _("toimiala")
        verbose_name_plural = _("toimialat")


class Theme(TranslatedNameMixin, models.Model):
    slug = models.SlugField(_("tunniste"), unique=True, max_length=120)
    name, name_sv, name_en = translated_name_fields()
    programme = models.ForeignKey(
        Programme, verbose_name=_("ohjelma"), on_delete=models.PROTECT, related_name="themes"
    )
    specific_objective = models.ForeignKey(
        SpecificObjective,
        verbose_name=_("erityistavoite"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="themes",
    )
    reserved_budget = money_field(_("varattu määräraha"))
    reserved_budget_qualifier = qualifier_field()
    ministries = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("ohjaavat ministeriöt"),
        blank=True,
        related_name="steered_themes",
    )
    description = models.TextField(_("kuvaus"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("teema")
        verbose_name_plural = _("teemat")


class CostModel(TranslatedNameMixin, models.Model):
    """A simplified cost option such as flat rate 40 %."""

    code = models.SlugField(_("koodi"), unique=True)
    name, name_sv, name_en = translated_name_fields(120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kustannusmalli")
        verbose_name_plural = _("kustannusmallit")


class CallQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("programme", "theme", "funding_authority").prefetch_related(
            "ministries", "strands", "target_districts", "allowed_cost_models"
        )


class Call(TranslatedNameMixin, Versioned):
    slug = models.SlugField(_("tunniste"), unique=True, max_length=120)
    name, name_sv, name_en = translated_name_fields()
    programme = models.ForeignKey(
        Programme, verbose_name=_("ohjelma"), on_delete=models.PROTECT, related_name="calls"
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("teema"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calls",
    )
    funding_authority = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("rahoittava viranomainen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calls_as_authority",
    )
    ministries = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("myöntövaltuuden ministeriöt"),
        blank=True,
        related_name="calls_as_ministry",
    )
    opens = models.DateField(_("haku alkaa"), null=True, blank=True)
    closes = models.DateField(_("haku päättyy"), null=True, blank=True)
    budget = money_field(_("haun määräraha"))
    budget_qualifier = qualifier_field()
    max_support_rate = models.DecimalField(
        _("tukiprosentti enintään"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Osuutena: 0,75 = 75 %."),
    )
    allowed_cost_models = models.ManyToManyField(
        CostModel, verbose_name=_("sallitut kustannusmallit"), blank=True
    )
    target_districts = models.ManyToManyField(
        "organisations.District", verbose_name=_("kohdekaupunginosat"), blank=True
    )
    impact_framework = models.ForeignKey(
        "ImpactFramework",
        verbose_name=_("vaikuttavuuskehys"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    starts_year = models.PositiveSmallIntegerField(_("avustuskausi alkaa"), null=True, blank=True)
    ends_year = models.PositiveSmallIntegerField(_("avustuskausi päättyy"), null=True, blank=True)
    description = models.TextField(_("sisältö"), blank=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["opens", "name"]
        verbose_name = _("haku")
        verbose_name_plural = _("haut")
        # The call list pages by opening date with the key as tiebreaker.
        indexes = [models.Index(fields=["opens", "id"], name="call_opens_key")]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__isnull=True)
                | Q(closes__isnull=True)
                | Q(closes__gte=F("opens")),
                name="call_closes_after_opens",
                violation_error_message=_("Haun päättymispäivä on ennen alkamispäivää."),
            ),
            models.CheckConstraint(
                condition=Q(max_support_rate__isnull=True)
                | Q(max_support_rate__gt=0, max_support_rate__lte=1),
                name="call_support_rate_fraction",
                violation_error_message=_("Tukiprosentin on oltava välillä 0–100 %."),
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("programmes:call_detail", args=[self.slug])


class CallStrand(TranslatedNameMixin, models.Model):
    """A sub-item (alakohta) of a call's content."""

    call = models.ForeignKey(
        Call, verbose_name=_("haku"), on_delete=models.CASCADE, related_name="strands"
    )
    number = models.PositiveSmallIntegerField(_("numero"))
    name, name_sv, name_en = translated_name_fields(500)

    class Meta:
        ordering = ["call", "number"]
        verbose_name = _("alakohta")
        verbose_name_plural = _("alakohdat")
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="strand_number_unique")
        ]


class FigureMetric(models.TextChoices):
    APPLICATIONS_RECEIVED = "applications_received", _("saapuneet hakemukset")
    ENTITIES_RECEIVED = "entities_received", _("saapuneet hankekokonaisuudet")
    ELIGIBLE = "eligible", _("yleiset kriteerit täyttäneet")
    SELECTED = "selected", _("valitut")
    FUNDED_ENTITIES = "funded_entities", _("rahoitetut hankekokonaisuudet")
    FUNDED_PROJECTS = "funded_projects", _("rahoitetut hankkeet")
    ENTITIES_SINGLE = "entities_single", _("yhden toteuttajan hankkeet")
    ENTITIES_GROUP = "entities_group", _("ryhmähankkeet")
    IMPLEMENTERS = "implementers", _("hanketoteuttajat")
    ENTITIES_BY_MINISTRY = "entities_by_ministry", _("hankekokonaisuudet myöntövaltuuden mukaan")
    ENTITIES_BY_SECTOR = "entities_by_sector", _("hankekokonaisuudet toimialan mukaan")
    ENTITIES_WITHOUT_SOCIAL_HEALTH = (
        "entities_without_social_health",
        _("hankekokonaisuudet ilman sote-palveluja"),
    )
    STRANDS = "strands", _("alakohdat")


class ReportedFigure(models.Model):
    """A number somebody reported about a call or theme, kept as reported and with its source.

    Counts computed from records can differ (records incomplete, later changes); showing both
    side by side is how a user trusts the records.
    """

    call = models.ForeignKey(
        Call,
        verbose_name=_("haku"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reported_figures",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("teema"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reported_figures",
    )
    metric = models.CharField(_("mittari"), max_length=40, choices=FigureMetric.choices)
    label = models.CharField(
        _("tarkenne"), max_length=60, blank=True, help_text=_("Esim. ministeriö: OKM, OKM+STM.")
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("toimiala"), null=True, blank=True, on_delete=models.PROTECT
    )
    value = models.PositiveIntegerField(_("arvo"))
    as_of = models.DateField(_("tilanne"), null=True, blank=True)
    note = models.CharField(_("huomautus"), max_length=300, blank=True)
    note_sv = models.CharField(_("huomautus ruotsiksi"), max_length=300, blank=True)
    note_en = models.CharField(_("huomautus englanniksi"), max_length=300, blank=True)

    class Meta:
        ordering = ["as_of", "metric", "label"]
        verbose_name = _("raportoitu luku")
        verbose_name_plural = _("raportoidut luvut")
        constraints = [
            models.CheckConstraint(
                condition=Q(call__isnull=False) | Q(theme__isnull=False),
                name="figure_has_subject",
                violation_error_message=_("Raportoitu luku koskee hakua tai teemaa."),
            )
        ]

    def __str__(self) -> str:
        extra = f" {self.label or (self.sector or '')}".rstrip()
        return f"{self.get_metric_display()}{extra}: {self.value}"

    def get_absolute_url(self) -> str:
        """A figure is shown on its call's page, or with its theme on the home page."""
        if self.call_id:
            return self.call.get_absolute_url()
        return reverse("site:home")

    @property
    def display_note(self) -> str:
        """The note in the reader's language where a translation is recorded."""
        return localized(self, "note")


class ImpactFramework(models.Model):
    """A shared frame for following projects' impact, e.g. residents / local actors / institutions."""

    name = models.CharField(_("nimi"), max_length=300)
    description = models.TextField(_("kuvaus"), blank=True)

    class Meta:
        verbose_name = _("vaikuttavuuskehys")
        verbose_name_plural = _("vaikuttavuuskehykset")

    def __str__(self) -> str:
        return self.name


class ImpactLevel(Versioned):
    """One level of a framework (residents, local actors, arts institutions); versioned, as its
    name and order are edited on the framework page by more than one officer."""

    framework = models.ForeignKey(
        ImpactFramework, verbose_name=_("kehys"), on_delete=models.CASCADE, related_name="levels"
    )
    order = models.PositiveSmallIntegerField(_("järjestys"))
    name = models.CharField(_("taso"), max_length=200)

    class Meta:
        ordering = ["framework", "order"]
        verbose_name = _("vaikuttavuuden taso")
        verbose_name_plural = _("vaikuttavuuden tasot")

    def __str__(self) -> str:
        return self.name
