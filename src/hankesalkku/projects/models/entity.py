from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hankesalkku.accounts import roles
from hankesalkku.core.models import Versioned
from hankesalkku.core.money import money_field, qualifier_field

from .status import ProjectStatus


class ProjectKind(models.TextChoices):
    SINGLE = "single", _("yhden toteuttajan hanke")
    GROUP = "group", _("ryhmähanke")


def touching_region(region) -> Q:
    """The entities that touch a region: an implementer or a partner there (an organisation
    without a region of its own by its parent's), or the region among their own. One rule for
    the overview's selection and the project list's filter, and the one the summary's
    `region_ids` holds (insights.facets), so their figures agree."""
    from .application import Application, Partner

    in_region = Q(organisation__region=region) | Q(
        organisation__region__isnull=True, organisation__parent__region=region
    )
    through = ProjectEntity.regions.through
    return (
        Q(pk__in=Application.objects.filter(in_region).values("entity_id"))
        | Q(pk__in=Partner.objects.filter(in_region).values("entity_id"))
        | Q(pk__in=through.objects.filter(region=region).values("projectentity_id"))
    )


class ProjectEntityQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What a user may see: everything but drafts, and the drafts of their own organisations.

        "Their own" are the organisations (with their units) where they hold a members' role:
        preparer, signatory, finance officer or viewer.

        The one read rule for project entities; list pages, the overview, the API and the
        source view all filter with it, so a draft never leaks through a side door.
        """
        if getattr(user, "is_staff", False) or roles.is_administrator(user):
            return self
        public = ~Q(status=ProjectStatus.PLANNED)
        org_ids = roles.organisation_ids_for(user)
        if not org_ids:
            return self.filter(public)
        own = ProjectEntity.objects.filter(
            Q(applications__organisation_id__in=org_ids) | Q(applications__unit_id__in=org_ids)
        ).values("pk")
        return self.filter(public | Q(pk__in=own))

    def in_selection(self, selection):
        """The entities an overview selection picks (`insights.selection.Selection` or anything
        with its attributes); many-to-many filters go through subqueries so that no join
        multiplies the rows the aggregates count. Drafts only where `selection.viewer` may
        see them (no viewer: the command line, run by someone with the database in hand)."""
        from .application import Application

        qs = self if selection.viewer is None else self.visible_to(selection.viewer)
        if selection.statuses is not None:
            qs = qs.filter(status__in=selection.statuses)
        if selection.programme:
            programme = selection.programme
            qs = qs.filter(Q(call__programme=programme) | Q(theme__programme=programme))
        if selection.theme:
            qs = qs.filter(Q(theme=selection.theme) | Q(call__theme=selection.theme))
        if selection.call:
            qs = qs.filter(call=selection.call)
        if selection.ministry:
            through = ProjectEntity.funding_ministries.through
            ministry = through.objects.filter(organisation=selection.ministry)
            qs = qs.filter(pk__in=ministry.values("projectentity_id"))
        if selection.sector:
            through = ProjectEntity.sectors.through
            sector = through.objects.filter(sector=selection.sector)
            qs = qs.filter(pk__in=sector.values("projectentity_id"))
        if selection.organisation_type:
            typed = Application.objects.filter(
                organisation__organisation_type=selection.organisation_type
            )
            qs = qs.filter(pk__in=typed.values("entity_id"))
        if selection.region:
            qs = qs.filter(touching_region(selection.region))
        return qs

    def funded(self):
        return self.filter(status__in=ProjectStatus.funded())

    def for_list(self):
        """What a list's table shows (`projects/partials/entity_table.html`) and little more: at
        a page of twenty entities, loading the call, theme and objective, the sectors, and each
        application's organisations made some 600 model instances, most of a page's Python.
        The long texts are left out. What the table starts to show is added here (or it is
        loaded row by row)."""
        from .application import SUMMED_FIELDS, Application

        qualifiers = (f"{name}_qualifier" for name in SUMMED_FIELDS)
        return self.defer("description", "target_groups").prefetch_related(
            "funding_ministries",
            models.Prefetch(  # (in no order: the sums do not need the organisations' names)
                "applications",
                queryset=Application.objects.only(
                    "entity_id", *SUMMED_FIELDS, *qualifiers
                ).order_by(),
            ),
        )


class ProjectEntity(Versioned):
    """A hankekokonaisuus: one project as funders count it, made of one or more applications."""

    slug = models.SlugField(_("tunniste"), unique=True, max_length=120)
    name = models.CharField(_("nimi"), max_length=400)
    acronym = models.CharField(_("lyhenne"), max_length=40, blank=True)
    project_code = models.CharField(
        _("hankekoodi"), max_length=20, blank=True, help_text=_("EURA-koodi, esim. S12345.")
    )
    kind = models.CharField(_("hanketyyppi"), max_length=10, choices=ProjectKind.choices)
    status = models.CharField(
        _("tila"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_entities",
    )
    strand = models.ForeignKey(
        "programmes.CallStrand",
        verbose_name=_("alakohta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_entities",
    )
    theme = models.ForeignKey(
        "programmes.Theme",
        verbose_name=_("teema"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_entities",
    )
    specific_objective = models.ForeignKey(
        "programmes.SpecificObjective",
        verbose_name=_("erityistavoite"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_entities",
    )
    funding_authority = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("rahoittava viranomainen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funded_entities",
    )
    funding_ministries = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("myöntövaltuus"),
        blank=True,
        related_name="granted_entities",
    )
    starts = models.DateField(_("alkaa"), null=True, blank=True)
    ends = models.DateField(_("päättyy"), null=True, blank=True)
    period_years_only = models.BooleanField(
        _("kausi vain vuosina"),
        default=False,
        help_text=_("Asiakirja kertoo vain vuodet (esim. 2025–2027); päivät eivät ole tiedossa."),
    )
    target_groups = models.TextField(_("kohderyhmät"), blank=True)
    description = models.TextField(_("tavoite ja sisältö"), blank=True)
    sectors = models.ManyToManyField(
        "programmes.Sector",
        verbose_name=_("toimialat"),
        blank=True,
        related_name="project_entities",
    )
    regions = models.ManyToManyField(
        "organisations.Region",
        verbose_name=_("toiminta-alueet"),
        blank=True,
        related_name="project_entities",
    )
    total_cost = money_field(_("kokonaiskustannusarvio"))
    total_cost_qualifier = qualifier_field()
    support = money_field(_("haettu tai myönnetty tuki"))
    support_qualifier = qualifier_field()
    max_total_cost = money_field(_("kokonaisbudjetti enintään"))
    is_illustrative = models.BooleanField(
        _("havainnollistava"),
        default=False,
        help_text=_("Täydentää asiakirjan lukumäärät; ei asiakirjasta peräisin oleva tosiasia."),
    )

    objects = ProjectEntityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("hankekokonaisuus")
        verbose_name_plural = _("hankekokonaisuudet")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts__isnull=True) | Q(ends__isnull=True) | Q(ends__gte=F("starts")),
                name="entity_ends_after_start",
                violation_error_message=_("Hankkeen päättymispäivä on ennen alkamispäivää."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProjectStatus.values),
                name="entity_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(support__isnull=True)
                | Q(total_cost__isnull=True)
                | Q(support__lte=F("total_cost")),
                name="entity_support_within_total",
                violation_error_message=_("Tuki ei voi olla suurempi kuin kokonaiskustannukset."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.slug])
