"""A narrow row per project entity, kept for counting and sorting at national scale.

At a million entities the project list cannot sort by a figure computed from applications, and
the overview cannot afford to join calls, themes and applications again for every figure. This
table holds, per entity, what those need: the effective theme and programme (an entity's own or
its call's), call, status, kind, the ministries' combination, the number of implementers and the
list's money (the entity's stated figure, else its implementers' parts added up). It is derived
data: `insights.summary` refreshes an entity's row whenever a service saves the entity, one of
its applications or its ministries, and `hankesalkku summarise` rebuilds the whole table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.money import money_field


class EntitySummary(models.Model):
    # Derived from audited records and rebuilt by `hankesalkku summarise`: it has no trail of
    # its own (tests/core/test_services_audited.py skips derived tables).
    is_derived = True

    entity = models.OneToOneField(
        "projects.ProjectEntity",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="summary",
        verbose_name=_("hankekokonaisuus"),
    )
    name = models.CharField(_("nimi"), max_length=400)
    status = models.CharField(_("tila"), max_length=20)
    kind = models.CharField(_("hanketyyppi"), max_length=10)
    theme = models.ForeignKey(
        "programmes.Theme",
        verbose_name=_("teema"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("ohjelma"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    ministries = models.CharField(_("myöntövaltuus"), max_length=100, blank=True)
    implementers = models.PositiveIntegerField(_("toteuttajia"), default=0)
    total_cost = money_field(_("kokonaiskustannukset"))
    support = money_field(_("tuki"))
    is_illustrative = models.BooleanField(_("havainnollistava"), default=False)

    class Meta:
        verbose_name = _("hankekokonaisuuden yhteenveto")
        verbose_name_plural = _("hankekokonaisuuksien yhteenvedot")
        indexes = [
            # Each sortable column with the key, so a page of any order is an index range.
            models.Index(fields=["name", "entity"], name="summary_name"),
            models.Index(fields=["kind", "entity"], name="summary_kind"),
            models.Index(fields=["status", "entity"], name="summary_status"),
            models.Index(fields=["ministries", "entity"], name="summary_ministries"),
            models.Index(fields=["implementers", "entity"], name="summary_implementers"),
            models.Index(fields=["total_cost", "entity"], name="summary_total_cost"),
            models.Index(fields=["support", "entity"], name="summary_support"),
            # Descending with the unknown amounts last (as the list sorts them) exist on
            # PostgreSQL only, made by the migration: SQLite cannot index NULLS LAST.
            # The overview's and the list's selections.
            models.Index(fields=["theme", "status"], name="summary_theme_status"),
            models.Index(fields=["call", "status"], name="summary_call_status"),
            models.Index(fields=["programme", "status"], name="summary_programme_status"),
        ]

    def __str__(self) -> str:
        return self.name


class ExportJob(models.Model):
    """A big download built in the background, kept for the person who asked for it.

    A list of a million projects takes longer to write than a web request may last, and a
    worker busy writing it serves nobody else. The page stores the request here, a task
    (`insights.tasks.export_job_run`) writes the file and reports its progress, and the job
    page polls this row until the file can be downloaded. Only the requester (a signed-in
    user, or the browser session of an anonymous one) may download it: a list of drafts a
    user may see is not for the next person.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("jonossa")
        RUNNING = "running", _("kirjoitetaan")
        FINISHED = "finished", _("valmis")
        FAILED = "failed", _("epäonnistui")

    class Kind(models.TextChoices):
        PROJECTS = "projects", _("hankeluettelo")
        OVERVIEW = "overview", _("yleiskuva")

    requested_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("pyytäjä"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    session_key = models.CharField(_("istunto"), max_length=64, blank=True)
    created = models.DateTimeField(_("pyydetty"), auto_now_add=True)
    finished = models.DateTimeField(_("valmistui"), null=True, blank=True)
    kind = models.CharField(_("vienti"), max_length=10, choices=Kind.choices)
    fmt = models.CharField(_("muoto"), max_length=5)
    params = models.JSONField(_("valinta"), default=dict, blank=True)
    language = models.CharField(_("kieli"), max_length=5, default="fi")
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("rivejä"), default=0)
    done = models.PositiveIntegerField(_("kirjoitettu"), default=0)
    # A name in the default storage (MEDIA_ROOT, or a shared store with several app servers).
    stored = models.CharField(_("tallennettu tiedosto"), max_length=300, blank=True)
    filename = models.CharField(_("tiedoston nimi"), max_length=200, blank=True)
    message = models.TextField(_("viesti"), blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("vienti taustalla")
        verbose_name_plural = _("viennit taustalla")
        indexes = [models.Index(fields=["requested_by", "created"], name="export_requester")]

    def __str__(self) -> str:
        return _("Vienti %(pk)s (%(done)s/%(total)s)") % {
            "pk": self.pk,
            "done": self.done,
            "total": self.total,
        }

    @property
    def percent(self) -> int:
        if self.status == self.Status.FINISHED:
            return 100
        return min(99, round(100 * self.done / self.total)) if self.total else 0
