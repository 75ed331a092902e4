"""Which entries a user may find: the records' own read rules, kept with each entry as terms.

Projects follow `ProjectEntity.objects.visible_to`: the public finds every project that is not
a draft; a draft is found by its implementing organisations' members (their units included)
and by administrators. A stored document is found by those who may read documents into the
records, and by everyone else only when it is the source of something they may see: a
document read but not yet applied, or one that only a draft cites, stays out of the public's
results.

The rule is evaluated when an entry is written (`entry_tags`), so a query matches visibility
inside the full-text index with the user's own terms (`viewer_terms`) instead of filtering
tens of thousands of matches afterwards. Every write that changes who may see an entry (a
project's status, its implementers, a reference to a document) re-indexes it
(`records.affected`).
"""

from django.contrib.contenttypes.models import ContentType

from hankesalkku.accounts import roles
from hankesalkku.documents.permissions import can_review_documents
from hankesalkku.projects.models import Application, Partner, ProjectEntity, ProjectStatus
from hankesalkku.sources.models import SourceReference

from .models import EntryKind

PUBLIC = "public"
PUBLIC_KINDS = (EntryKind.ORGANISATION, EntryKind.CALL, EntryKind.DECISION)


def _organisation_terms(entity_ids) -> set[str]:
    rows = Application.objects.filter(entity_id__in=entity_ids).values_list(
        "organisation_id", "unit_id"
    )
    return {f"o{pk}" for pair in rows for pk in pair if pk is not None}


def _citing_entities(document_id: int) -> tuple[set[int], bool]:
    """The project entities whose records cite the document, and whether anything else does."""
    types = ContentType.objects.get_for_models(ProjectEntity, Application, Partner)
    entities, other = set(), False
    for ref in SourceReference.objects.filter(document_id=document_id).values(
        "content_type_id", "object_id"
    ):
        if ref["content_type_id"] == types[ProjectEntity].pk:
            entities.add(ref["object_id"])
        elif ref["content_type_id"] == types[Application].pk:
            entities |= set(
                Application.objects.filter(pk=ref["object_id"]).values_list("entity_id", flat=True)
            )
        elif ref["content_type_id"] == types[Partner].pk:
            entities |= set(
                Partner.objects.filter(pk=ref["object_id"]).values_list("entity_id", flat=True)
            )
        else:
            other = True
    return entities, other


def entry_tags(kind: str, instance, year: int | None) -> str:
    """The terms that say who finds the entry and where it is counted."""
    tags = {f"k{kind!s}"}
    if year:
        tags.add(f"y{year}")
    if kind in PUBLIC_KINDS:
        tags.add(PUBLIC)
    elif kind == EntryKind.PROJECT:
        if instance.status != ProjectStatus.PLANNED:
            tags.add(PUBLIC)
        else:
            tags |= _organisation_terms([instance.pk])
    elif kind == EntryKind.DOCUMENT:
        entities, other = _citing_entities(instance.pk)
        drafts = set(
            ProjectEntity.objects.filter(pk__in=entities, status=ProjectStatus.PLANNED).values_list(
                "pk", flat=True
            )
        )
        if other or (entities - drafts):
            tags.add(PUBLIC)
        elif drafts:
            tags |= _organisation_terms(drafts)
    return " ".join(sorted(tags))


def viewer_terms(user) -> list[str] | None:
    """The tags any of which lets `user` find an entry; None: the user finds everything."""
    if getattr(user, "is_staff", False) or roles.is_administrator(user):
        return None
    terms = [PUBLIC]
    if getattr(user, "is_authenticated", False):
        terms += sorted(f"o{pk}" for pk in roles.organisation_ids_for(user))
        if can_review_documents(user)[0]:
            terms.append(f"k{EntryKind.DOCUMENT.value}")
    return terms
