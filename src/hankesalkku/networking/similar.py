"""Projects similar to one project: shared sectors, target groups, regions and words.

Candidates are the projects the viewer may see that share a sector, a region, a theme or a
call, or many words; each is scored, and the reasons are kept so the page can say why two
projects were put side by side. The words are the search index's analysed terms (base forms and
compound parts), so "lapsiperheiden" and "lapsiperheille" count as the same word.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from hankesalkku.projects.models import ProjectEntity
from hankesalkku.search.engines import find
from hankesalkku.search.lemmas import text_terms
from hankesalkku.search.models import EntryKind, SearchEntry
from hankesalkku.search.visibility import viewer_terms

WEIGHTS = {"sector": 3.0, "region": 2.0, "target_group": 2.0, "text": 4.0}
MAX_CANDIDATES = 400
TEXT_CANDIDATES = 100
TOP_TERMS = 12
LIMIT = 6
STOP_TERMS = frozenset({"ja", "tai", "sekä", "hanke", "hankkeen", "olla", "se", "joka", "myös"})


@dataclass
class Similar:
    entity: ProjectEntity
    score: float
    sectors: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    target_words: list = field(default_factory=list)
    text: float = 0.0


def _terms(text: str) -> set[str]:
    return {t for t in text_terms(text) if len(t) > 2 and t not in STOP_TERMS}


def _index_terms(entity_ids) -> dict[int, Counter]:
    rows = SearchEntry.objects.filter(kind=EntryKind.PROJECT, object_id__in=entity_ids)
    return {
        object_id: Counter(t for t in lemmas.split() if len(t) > 2 and t not in STOP_TERMS)
        for object_id, lemmas in rows.values_list("object_id", "lemmas")
    }


def _cosine(a: Counter, b: Counter) -> float:
    shared = set(a) & set(b)
    if not shared:
        return 0.0
    dot = sum(a[t] * b[t] for t in shared)
    norm = (sum(v * v for v in a.values()) * sum(v * v for v in b.values())) ** 0.5
    return dot / norm if norm else 0.0


def _text_candidates(user, entity: ProjectEntity) -> list[int]:
    """Projects whose indexed words meet this one's most frequent words, best first (ranked in
    the full-text index among what the viewer may find)."""
    own = _index_terms([entity.pk]).get(entity.pk)
    if not own:
        return []
    top = frozenset(term for term, _count in own.most_common(TOP_TERMS))
    ids = find([top], viewer_terms(user), kind=EntryKind.PROJECT, limit=TEXT_CANDIDATES + 1).ids
    found = SearchEntry.objects.filter(pk__in=ids).values_list("pk", "object_id")
    order = {pk: n for n, pk in enumerate(ids)}
    ranked = sorted(found, key=lambda row: order[row[0]])
    return [object_id for _pk, object_id in ranked if object_id != entity.pk][:TEXT_CANDIDATES]


def similar_projects(user, entity: ProjectEntity, limit: int = LIMIT) -> list[Similar]:
    sectors = set(entity.sectors.values_list("pk", flat=True))
    regions = set(entity.regions.values_list("pk", flat=True))
    related = (
        Q(sectors__in=sectors) | Q(regions__in=regions) | Q(pk__in=_text_candidates(user, entity))
    )
    if entity.theme_id:
        related |= Q(theme_id=entity.theme_id)
    if entity.call_id:
        related |= Q(call_id=entity.call_id)
    candidates = list(
        ProjectEntity.objects.visible_to(user)
        .filter(related)
        .exclude(pk=entity.pk)
        .distinct()
        .prefetch_related("sectors", "regions")
        .order_by("pk")[:MAX_CANDIDATES]
    )
    terms = _index_terms([entity.pk, *(c.pk for c in candidates)])
    own_terms = terms.get(entity.pk, Counter())
    own_targets = _terms(entity.target_groups)
    found = []
    for candidate in candidates:
        shared_sectors = [s for s in candidate.sectors.all() if s.pk in sectors]
        shared_regions = [r for r in candidate.regions.all() if r.pk in regions]
        target_words = sorted(own_targets & _terms(candidate.target_groups))
        text = _cosine(own_terms, terms.get(candidate.pk, Counter()))
        score = (
            WEIGHTS["sector"] * len(shared_sectors)
            + WEIGHTS["region"] * len(shared_regions)
            + WEIGHTS["target_group"] * min(len(target_words), 3)
            + WEIGHTS["text"] * text
        )
        if score > 0:
            found.append(
                Similar(candidate, score, shared_sectors, shared_regions, target_words, text)
            )
    found.sort(key=lambda s: (-s.score, s.entity.name))
    return found[:limit]
