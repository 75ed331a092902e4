from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.i18n import TranslatedNameMixin, translated_name_fields
from hankesalkku.core.models import Versioned

from .validators import validate_business_id


class RegionKind(models.TextChoices):
    WELLBEING_COUNTY = "wellbeing_county", _("hyvinvointialue")
    CITY_OF_HELSINKI = "helsinki", _("Helsingin kaupunki")
    ALAND = "aland", _("Ahvenanmaa")


class Region(TranslatedNameMixin, models.Model):
    """A wellbeing services county (or Helsinki, or Åland): the map unit of every overview."""

    slug = models.SlugField(_("tunniste"), unique=True)
    name, name_sv, name_en = translated_name_fields()
    short_name = models.CharField(_("lyhyt nimi"), max_length=60)
    short_name_sv = models.CharField(_("lyhyt nimi ruotsiksi"), max_length=60, blank=True)
    kind = models.CharField(_("laji"), max_length=20, choices=RegionKind.choices)
    maakunta = models.CharField(_("maakunta"), max_length=100, blank=True)
    maakunta_sv = models.CharField(_("landskap"), max_length=100, blank=True)
    aliases = models.TextField(
        _("muut kirjoitusasut"), blank=True, help_text=_("Yksi nimi riviä kohden.")
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("alue")
        verbose_name_plural = _("alueet")

    @property
    def display_short_name(self) -> str:
        from hankesalkku.core.i18n import localized

        return localized(self, "short_name")


class District(TranslatedNameMixin, models.Model):
    """A city district (kaupunginosa) that a municipal grant call can target."""

    slug = models.SlugField(_("tunniste"), unique=True)
    name, name_sv, name_en = translated_name_fields(120)
    municipality = models.CharField(_("kunta"), max_length=100, default="Helsinki")

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("kaupunginosa")
        verbose_name_plural = _("kaupunginosat")


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("kunta tai kaupunki")
    WELLBEING_COUNTY = "wellbeing_county", _("hyvinvointialue")
    STATE_AGENCY = "state_agency", _("valtion virasto tai ministeriö")
    UNIVERSITY = "university", _("yliopisto tai ammattikorkeakoulu")
    ASSOCIATION = "association", _("yhdistys tai järjestö")
    FOUNDATION = "foundation", _("säätiö")
    COMPANY = "company", _("yritys")
    PARISH = "parish", _("seurakunta")
    OTHER = "other", _("muu")


class OrganisationQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def ministries(self):
        return self.filter(organisation_type=OrganisationType.STATE_AGENCY).exclude(abbreviation="")


class Organisation(TranslatedNameMixin, Versioned):
    """A legal organisation or one of its units (a city → division → Annantalo).

    Units share the parent's business ID, so only top-level organisations carry one.
    """

    slug = models.SlugField(_("tunniste"), unique=True, max_length=120)
    name, name_sv, name_en = translated_name_fields()
    abbreviation = models.CharField(_("lyhenne"), max_length=30, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("kuuluu organisaatioon"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
    )
    business_id = models.CharField(
        _("Y-tunnus"), max_length=9, blank=True, validators=[validate_business_id]
    )
    organisation_type = models.CharField(
        _("organisaatiotyyppi"), max_length=20, choices=OrganisationType.choices
    )
    home_municipality = models.CharField(_("kotikunta"), max_length=100, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("alue"), null=True, blank=True, on_delete=models.PROTECT
    )
    is_illustrative = models.BooleanField(
        _("havainnollistava"),
        default=False,
        help_text=_("Täydentää asiakirjan lukumäärät; ei asiakirjasta peräisin oleva tosiasia."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisaatio")
        verbose_name_plural = _("organisaatiot")
        # The organisation list pages by name with the key as tiebreaker.
        indexes = [models.Index(fields=["name", "id"], name="organisation_name_key")]
        constraints = [
            models.UniqueConstraint(
                fields=["business_id"],
                condition=~Q(business_id=""),
                name="organisation_business_id_unique",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", args=[self.slug])

    @property
    def top(self) -> "Organisation":
        node = self
        while node.parent_id:
            node = node.parent
        return node


class BudgetItem(TranslatedNameMixin, models.Model):
    """A budget item (talousarviokohta) of the committing organisation, e.g. 1 50 04.

    Its name is the organisation's own wording ("Yksikön talousarvio"); a Swedish or English
    reader sees a translation where one is recorded, the Finnish name otherwise.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisaatio"),
        on_delete=models.PROTECT,
        related_name="budget_items",
    )
    code = models.CharField(_("koodi"), max_length=30, blank=True)
    name, name_sv, name_en = translated_name_fields()

    class Meta:
        ordering = ["organisation", "code", "name"]
        verbose_name = _("talousarviokohta")
        verbose_name_plural = _("talousarviokohdat")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code", "name"], name="budget_item_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}".strip()
