"""One search entry per searchable record: its display text and its analysed terms.

The terms (`lemmas`) are what both engines index: an FTS5 table on SQLite; on PostgreSQL a
stored `tsvector` column `terms` of the lemmas and the tags, with a GIN index, and a positional
one, `vector`, for ranking (migration 0005; columns the model does not declare because SQLite
has no such type, and generated from `lemmas` and `tags`, so a change of those columns' types
must drop and re-create them there). The morphology is ours (lemmas.py) and identical on both.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    PROJECT = "project", _("hankkeet")
    ORGANISATION = "organisation", _("organisaatiot")
    DECISION = "decision", _("päätökset")
    CALL = "call", _("haut")
    DOCUMENT = "document", _("asiakirjat")


class SearchEntry(models.Model):
    # Derived from audited records and rebuilt by `hankesalkku search --rebuild`: it has no trail
    # of its own (tests/core/test_services_audited.py skips derived tables).
    is_derived = True

    kind = models.CharField(_("laji"), max_length=20, choices=EntryKind.choices)
    object_id = models.PositiveBigIntegerField(_("tietueen tunniste"))
    title = models.CharField(_("otsikko"), max_length=500)
    body = models.TextField(_("teksti"), blank=True)
    lemmas = models.TextField(_("perusmuodot"), blank=True)
    year = models.PositiveSmallIntegerField(_("vuosi"), null=True, blank=True)
    tags = models.CharField(_("rajaukset"), max_length=2000, blank=True, default="")
    """Who may find the entry and the facets it counts in, as index terms (`visibility.tags`):
    `public`, `o<organisation id>` for a draft's organisations, `k<kind>`, `y<year>`. Kept in
    the full-text index beside the lemmas, so visibility, kind and year are matched there and
    no match is ranked or counted only to be thrown away."""
    url = models.CharField(_("osoite"), max_length=300)

    class Meta:
        verbose_name = _("hakuindeksin tietue")
        verbose_name_plural = _("hakuindeksin tietueet")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="search_entry_kind")]

    def __str__(self) -> str:
        return self.title
