"""What each kind of record gives the index, and which entries a write to a record touches.

A project's entry names its implementers, partners, sectors, regions and call, so that a search
for "Annantalo" finds the project it runs; so a write to an application, a partner or an
organisation re-indexes the projects it appears in.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from hankesalkku.decisions.models import Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call, CallStrand
from hankesalkku.projects.models import Application, Partner, ProjectEntity
from hankesalkku.sources.models import SourceDocument, SourceReference

from .models import EntryKind

MAX_BODY = 200_000
"""Characters of a document's text that are analysed: a longer text is cut, not refused."""


@dataclass
class Indexed:
    title: str
    url: str
    year: int | None = None
    body: list[str] = field(default_factory=list)
    swedish: list[str] = field(default_factory=list)


def _names(objects) -> list[str]:
    return [getattr(obj, "name", "") or str(obj) for obj in objects]


def project(entity: ProjectEntity) -> Indexed:
    applications = entity.applications.select_related("organisation", "unit")
    organisations = [a.organisation for a in applications] + [
        a.unit for a in applications if a.unit
    ]
    partners = [p.organisation for p in entity.partners.select_related("organisation")]
    return Indexed(
        title=str(entity),
        url=entity.get_absolute_url(),
        year=entity.starts.year if entity.starts else None,
        body=[
            entity.project_code,
            entity.description,
            entity.target_groups,
            *_names(organisations),
            *_names(partners),
            *_names(entity.sectors.all()),
            *_names(entity.regions.all()),
            entity.call.name if entity.call_id else "",
        ],
        swedish=[o.name_sv for o in organisations + partners if o.name_sv],
    )


def organisation(org: Organisation) -> Indexed:
    return Indexed(
        title=org.name,
        url=org.get_absolute_url(),
        body=[
            org.abbreviation,
            org.name_en,
            org.home_municipality,
            org.parent.name if org.parent_id else "",
            org.region.name if org.region_id else "",
            *_names(org.units.all()),
        ],
        swedish=[org.name_sv],
    )


def call(item: Call) -> Indexed:
    strands = list(item.strands.all())
    return Indexed(
        title=item.name,
        url=item.get_absolute_url(),
        year=item.opens.year if item.opens else None,
        body=[
            item.description,
            item.name_en,
            *_names(strands),
            *_names(item.target_districts.all()),
        ]
        + [getattr(s, "description", "") for s in strands],
        swedish=[item.name_sv],
    )


def decision(item: Decision) -> Indexed:
    return Indexed(
        title=str(item),
        url=item.get_absolute_url(),
        year=item.date.year,
        body=[item.summary, item.decision_maker, item.diary_number, item.organisation.name],
    )


def document(item: SourceDocument) -> Indexed:
    """A document opens at its first cited sentence (the source page checks the record's read
    rule); a document nothing cites yet has no public page, only the reviewers find it."""
    from django.urls import reverse

    reference = item.references.order_by("pk").first()
    return Indexed(
        title=item.title,
        url=reverse("sources:source", args=[reference.pk]) if reference else "",
        year=item.date.year if item.date else None,
        body=[item.text[:MAX_BODY]],
    )


KINDS = {
    EntryKind.PROJECT: (ProjectEntity, project),
    EntryKind.ORGANISATION: (Organisation, organisation),
    EntryKind.CALL: (Call, call),
    EntryKind.DECISION: (Decision, decision),
    EntryKind.DOCUMENT: (SourceDocument, document),
}
KIND_OF_MODEL = {model: kind for kind, (model, _describe) in KINDS.items()}


def _citing_documents(entity_id) -> set[tuple[str, int]]:
    """The documents that cite a project entity or one of its parts: who may find them follows
    the project's status (search.visibility)."""
    from django.contrib.contenttypes.models import ContentType

    types = ContentType.objects.get_for_models(ProjectEntity, Application, Partner)
    cited = SourceReference.objects.filter(
        Q(content_type=types[ProjectEntity], object_id=entity_id)
        | Q(
            content_type=types[Application],
            object_id__in=Application.objects.filter(entity_id=entity_id).values("pk"),
        )
        | Q(
            content_type=types[Partner],
            object_id__in=Partner.objects.filter(entity_id=entity_id).values("pk"),
        )
    )
    return {(EntryKind.DOCUMENT, pk) for pk in cited.values_list("document_id", flat=True)}


def affected(instance) -> set[tuple[str, int]]:
    """The entries (kind, object id) a write to `instance` changes."""
    model = type(instance)
    if model is ProjectEntity:
        return {(EntryKind.PROJECT, instance.pk)} | _citing_documents(instance.pk)
    if model in KIND_OF_MODEL:
        keys = {(KIND_OF_MODEL[model], instance.pk)}
        if model is Organisation:
            entity_ids = Application.objects.filter(organisation=instance).values("entity_id")
            partner_ids = Partner.objects.filter(organisation=instance).values("entity_id")
            keys |= {
                (EntryKind.PROJECT, pk) for pk in entity_ids.values_list("entity_id", flat=True)
            }
            keys |= {
                (EntryKind.PROJECT, pk) for pk in partner_ids.values_list("entity_id", flat=True)
            }
            if instance.parent_id:
                keys.add((EntryKind.ORGANISATION, instance.parent_id))
        return keys
    if model in (Application, Partner):
        return {(EntryKind.PROJECT, instance.entity_id)} | _citing_documents(instance.entity_id)
    if model is SourceReference:
        return {(EntryKind.DOCUMENT, instance.document_id)}
    if model is CallStrand:
        return {(EntryKind.CALL, instance.call_id)}
    return set()
