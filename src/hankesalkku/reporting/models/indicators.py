"""Indicators and the impact framework's outcomes: what a call follows and how it is measured.

An indicator is reference data (an ESF+ common indicator: `programme`, `call` and `application`
empty), a programme's own (every call of the programme follows it: the programme's own
monitoring figures beside the ESF+ common ones), a call's own (optionally on one level of the
call's impact framework) or one part's own; at most one of the three is set. Its kind
decides how values are validated and aggregated: quantities are summed, scales distributed,
narratives listed (`reporting.aggregation`).
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned


class IndicatorKind(models.TextChoices):
    QUANTITATIVE = "quantitative", _("määrällinen")
    SCALE = "scale", _("asteikko")
    NARRATIVE = "narrative", _("kuvaus")


class IndicatorCategory(models.TextChoices):
    ESF_OUTPUT_PARTICIPANTS = "esf_output_participants", _("ESR+ tuotosindikaattori (osallistujat)")
    ESF_OUTPUT_ENTITIES = "esf_output_entities", _("ESR+ tuotosindikaattori (yhteisöt)")
    ESF_RESULT_IMMEDIATE = "esf_result_immediate", _("ESR+ välitön tulosindikaattori")
    ESF_RESULT_LONGER = "esf_result_longer", _("ESR+ pidemmän aikavälin tulosindikaattori")
    SPECIFIC = "specific", _("haku- tai hankekohtainen")


class Direction(models.TextChoices):
    INCREASE = "increase", _("suurempi on parempi")
    DECREASE = "decrease", _("pienempi on parempi")


REFERENCE = Q(programme__isnull=True, call__isnull=True, application__isnull=True)
"""The reference indicators (ESF+ common indicators): nobody's own."""


SCOPE_LABELS = {
    "programme": _("ohjelman indikaattori"),
    "call": _("haun indikaattori"),
    "application": _("osahankkeen indikaattori"),
    "reference": _("yhteinen indikaattori"),
}


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Indicators are public: what public money is meant to achieve is no secret."""
        return self

    def for_call(self, call):
        """The reference indicators, the call's programme's and the call's own, not other
        calls' or parts' own (an unknown call: the reference indicators only)."""
        if call is None:
            return self.filter(REFERENCE)
        return self.filter(REFERENCE | Q(call=call) | Q(programme_id=call.programme_id))

    def of_call(self, call):
        """What the call itself follows beside the reference data: its own and its
        programme's indicators (the report form asks for both, the aggregation shows both)."""
        return self.filter(Q(call=call) | Q(programme_id=call.programme_id))


class Outcome(Versioned):
    """An outcome sought on one level of a framework (e.g. residents: "osallisuus vahvistuu")."""

    level = models.ForeignKey(
        "programmes.ImpactLevel",
        verbose_name=_("taso"),
        on_delete=models.CASCADE,
        related_name="outcomes",
    )
    name = models.CharField(_("nimi"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["level__order", "name"]
        verbose_name = _("tavoiteltu muutos")
        verbose_name_plural = _("tavoitellut muutokset")

    def __str__(self):
        return self.name


class Indicator(Versioned):
    code = models.CharField(_("tunnus"), max_length=20, blank=True)
    name = models.CharField(_("nimi"), max_length=300)
    definition = models.TextField(_("määritelmä"), blank=True)
    category = models.CharField(
        _("luokka"), max_length=30, choices=IndicatorCategory.choices, default="specific"
    )
    kind = models.CharField(
        _("laji"), max_length=20, choices=IndicatorKind.choices, default="quantitative"
    )
    unit = models.CharField(_("yksikkö"), max_length=40, blank=True)
    direction = models.CharField(
        _("suunta"), max_length=10, choices=Direction.choices, default="increase"
    )
    baseline = models.DecimalField(
        _("lähtötaso"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("haun tavoite"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    scale_min = models.DecimalField(
        _("asteikon alin"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    scale_max = models.DecimalField(
        _("asteikon ylin"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("ohjelma"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("osahanke"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_indicators",
    )
    level = models.ForeignKey(
        "programmes.ImpactLevel",
        verbose_name=_("taso"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    outcome = models.ForeignKey(
        Outcome,
        verbose_name=_("tavoiteltu muutos"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )

    breakdowns = models.ManyToManyField(
        "reporting.Breakdown",
        verbose_name=_("jaottelut"),
        blank=True,
        related_name="indicators",
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["code", "name"]
        verbose_name = _("indikaattori")
        verbose_name_plural = _("indikaattorit")
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=REFERENCE & ~Q(code=""),
                name="reference_indicator_code_unique",
                violation_error_message=_("Samalla tunnuksella on jo indikaattori."),
            ),
            models.CheckConstraint(
                condition=Q(programme__isnull=True, call__isnull=True)
                | Q(programme__isnull=True, application__isnull=True)
                | Q(call__isnull=True, application__isnull=True),
                name="indicator_has_one_owner",
                violation_error_message=_(
                    "Indikaattori on joko ohjelman, haun tai osahankkeen oma, ei usean."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind="scale")
                | Q(scale_min__isnull=False, scale_max__isnull=False, scale_min__lt=F("scale_max")),
                name="scale_indicator_has_range",
                violation_error_message=_(
                    "Asteikkoindikaattorille tarvitaan alin ja ylin arvo, ja alimman on oltava "
                    "ylintä pienempi."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}".strip()

    @property
    def scope(self) -> str:
        """Whose indicator this is, as the pages and the API name it."""
        if self.programme_id:
            return "programme"
        if self.call_id:
            return "call"
        if self.application_id:
            return "application"
        return "reference"

    @property
    def scope_label(self) -> str:
        """The scope as the pages and the exports write it."""
        return str(SCOPE_LABELS[self.scope])
