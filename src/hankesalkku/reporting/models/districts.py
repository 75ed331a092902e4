"""Districts' indicator values (for choosing and following target districts) and where parts work.

Each value carries its source and year, and whether it is illustrative, so that a page never
shows a made-up figure as a fact.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DistrictMeasure(models.Model):
    """A statistic kept per district, e.g. the unemployment rate (%)."""

    slug = models.SlugField(_("tunniste"), unique=True)
    name = models.CharField(_("nimi"), max_length=200)
    unit = models.CharField(_("yksikkö"), max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kaupunginosamittari")
        verbose_name_plural = _("kaupunginosamittarit")

    def __str__(self):
        return self.name


class DistrictValue(models.Model):
    district = models.ForeignKey(
        "organisations.District",
        verbose_name=_("kaupunginosa"),
        on_delete=models.CASCADE,
        related_name="indicator_values",
    )
    measure = models.ForeignKey(
        DistrictMeasure, verbose_name=_("mittari"), on_delete=models.CASCADE, related_name="values"
    )
    year = models.PositiveSmallIntegerField(_("vuosi"))
    value = models.DecimalField(_("arvo"), max_digits=14, decimal_places=2)
    source = models.CharField(_("lähde"), max_length=300)
    is_illustrative = models.BooleanField(_("havainnollistava"), default=False)

    class Meta:
        ordering = ["measure", "district", "-year"]
        verbose_name = _("kaupunginosan arvo")
        verbose_name_plural = _("kaupunginosien arvot")
        constraints = [
            models.UniqueConstraint(
                fields=["district", "measure", "year"],
                name="one_district_value_per_year",
                violation_error_message=_(
                    "Kaupunginosalla on jo arvo tälle mittarille ja vuodelle."
                ),
            )
        ]

    def __str__(self):
        return f"{self.district} {self.measure} {self.year}: {self.value}"


class PartDistrict(models.Model):
    """A district where a funded part works: results are followed per district by these."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus (osahanke)"),
        on_delete=models.CASCADE,
        related_name="reporting_districts",
    )
    district = models.ForeignKey(
        "organisations.District",
        verbose_name=_("kaupunginosa"),
        on_delete=models.CASCADE,
        related_name="reporting_parts",
    )

    class Meta:
        verbose_name = _("osahankkeen kaupunginosa")
        verbose_name_plural = _("osahankkeiden kaupunginosat")
        constraints = [
            models.UniqueConstraint(fields=["application", "district"], name="one_part_district")
        ]

    def __str__(self):
        return f"{self.application} – {self.district}"
