"""Which entries a user may find: the records' own read rules, applied in the database.

Projects follow `ProjectEntity.objects.visible_to`, so a draft is found only by those who see
it on its page. A stored document is found by those who may read documents into the records,
and by everyone else only when it is the source of something they may see: a document read
but not yet applied, or one that only a draft cites, stays out of the public's results.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from hankesalkku.documents.permissions import can_review_documents
from hankesalkku.projects.models import Application, Partner, ProjectEntity
from hankesalkku.sources.models import SourceReference

from .models import EntryKind

PUBLIC_KINDS = (EntryKind.ORGANISATION, EntryKind.CALL, EntryKind.DECISION)


def visible_projects(user):
    return ProjectEntity.objects.visible_to(user)


def visible_documents(user):
    """Ids of the stored documents the user may find."""
    from hankesalkku.sources.models import SourceDocument

    if user is not None and can_review_documents(user)[0]:
        return SourceDocument.objects.values("pk")
    hidden = ProjectEntity.objects.exclude(pk__in=visible_projects(user).values("pk"))
    hidden_parts = Q(
        content_type=ContentType.objects.get_for_model(ProjectEntity),
        object_id__in=hidden.values("pk"),
    )
    for model in (Application, Partner):
        hidden_parts |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=model.objects.filter(entity__in=hidden.values("pk")).values("pk"),
        )
    return SourceReference.objects.exclude(hidden_parts).values("document_id")


def visible_entries(user) -> Q:
    return (
        Q(kind__in=PUBLIC_KINDS)
        | Q(kind=EntryKind.PROJECT, object_id__in=visible_projects(user).values("pk"))
        | Q(kind=EntryKind.DOCUMENT, object_id__in=visible_documents(user))
    )
