"""The public read API: everything the pages show the same person, through the same reads.

Every queryset starts from the pages' own read rule (`visible_to`) or is public by the same
permission functions, so the API shows no draft and no spent amount the pages would not.
Records are addressed by their stable ids: slugs where they have one, numbers otherwise.
Lists page as the pages' lists do (`core.rest.KeysetPagination`: a keyset cursor, stable
under inserts and of constant cost at any depth, and the same "about N" count above 10 000);
the projects' filters and sort columns are the project list's own (`site.filters`,
`site.project_list.SORTING`), and an unknown value is a 400 naming it.
"""

import re

from django.db.models import Prefetch
from rest_framework import exceptions, viewsets
from rest_framework.authentication import SessionAuthentication

from hankesalkku.accounts.authentication import ApiTokenAuthentication
from hankesalkku.core.pagination import Column, Sorting
from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call, Programme, ReportedFigure, Theme
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.site.filters import parse_filters
from hankesalkku.site.project_list import SORTING
from hankesalkku.sources.models import SourceReference

from . import public_serializers as s


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    """Any id reaches the view (so a malformed one is a JSON 404, not the site's HTML page);
    one that cannot be an id is refused before the database sees it."""

    # The token class first: its WWW-Authenticate header makes a refused token a 401, not 403.
    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    lookup_field = "slug"
    lookup_value_regex = r"[^/]{1,1000}"
    valid_id = re.compile(r"[-a-zA-Z0-9_]{1,120}")

    def get_object(self):
        if not self.valid_id.fullmatch(str(self.kwargs.get(self.lookup_field, ""))):
            raise exceptions.NotFound()
        return super().get_object()


class ByNumber:
    lookup_field = "pk"
    valid_id = re.compile(r"[0-9]{1,18}")


class ProgrammeViewSet(ReadOnly):
    """Programmes (ESR+, municipal grant programmes)."""

    queryset = Programme.objects.all()
    serializer_class = s.ProgrammeSerializer


class ThemeViewSet(ReadOnly):
    """Themes with their reserved budgets and ministries."""

    queryset = Theme.objects.select_related("programme").prefetch_related("ministries")
    serializer_class = s.ThemeSerializer


class CallViewSet(ReadOnly):
    """Calls with their strands and schedules (opening, closing, grant period)."""

    queryset = Call.objects.with_related()
    serializer_class = s.CallSerializer


class OrganisationViewSet(ReadOnly):
    """Organisations and their units; business IDs are public register data."""

    queryset = Organisation.objects.select_related("parent", "region")
    serializer_class = s.OrganisationSerializer


class ProjectEntityViewSet(ReadOnly):
    """Project entities with implementers, financing and partners; drafts only for their
    organisations' people. Filters: call, theme, ministry, kind, sector, region, org_type,
    status (the project list's); sorted by id, or by any of the list's columns (`sort`)."""

    serializer_class = s.ProjectEntitySerializer
    sorting = Sorting([Column("id", "id", ()), *SORTING.columns.values()], default="id")

    def get_queryset(self):
        entities = (
            ProjectEntity.objects.visible_to(self.request.user)
            .select_related("call", "theme", "specific_objective", "funding_authority")
            .prefetch_related(*s.ProjectEntitySerializer.prefetches())
        )
        if self.action == "list":
            result = parse_filters(self.request.query_params)
            if result.notes:
                raise exceptions.ValidationError({"filters": result.notes})
            if result.active:
                entities = entities.filter(result.condition)
            sort = str(self.request.query_params.get("sort", "")).lstrip("-")
            if sort in SORTING.columns:
                # As the project list: the inner join lets the summary's index drive the order.
                # Not by id: the join would read the summary from its start to a deep cursor.
                entities = entities.filter(summary__isnull=False).select_related("summary")
        return entities


class DecisionViewSet(ByNumber, ReadOnly):
    """Decisions with their commitments (decided amounts; spent and open amounts only for the
    paying organisation's finance officers and administrators)."""

    serializer_class = s.DecisionSerializer

    def get_queryset(self):
        return Decision.objects.select_related("organisation").prefetch_related(
            "project_entities",
            "calls",
            Prefetch(
                "commitments", Commitment.objects.visible_to(self.request.user).with_related()
            ),
        )

    def get_serializer_context(self):
        """Which of the entities the shown decisions name the user may see: asked for those
        entities only (the whole visible set is a million ids at national scale)."""
        context = super().get_serializer_context()
        page = getattr(self.paginator, "page", None) if self.action == "list" else None
        if page is not None:
            decisions = page.items
        elif self.action == "retrieve":
            decisions = [self.get_object()]
        else:
            decisions = []
        named = {e.pk for d in decisions for e in d.project_entities.all()}
        named |= {c.entity_id for d in decisions for c in d.commitments.all() if c.entity_id}
        visible = ProjectEntity.objects.visible_to(self.request.user).filter(pk__in=named)
        context["visible_entity_ids"] = set(visible.values_list("pk", flat=True))
        return context


class ReportedFigureViewSet(ByNumber, ReadOnly):
    """Figures reported about calls and themes, each with the sentences it came from."""

    queryset = ReportedFigure.objects.select_related("call", "theme", "sector")
    serializer_class = s.ReportedFigureSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["refs"] = SourceReference.objects.for_objects(list(self.queryset))
        return context


ROUTES = [
    ("programmes", ProgrammeViewSet, "programme"),
    ("themes", ThemeViewSet, "theme"),
    ("calls", CallViewSet, "call"),
    ("organisations", OrganisationViewSet, "organisation"),
    ("project-entities", ProjectEntityViewSet, "project-entity"),
    ("decisions", DecisionViewSet, "decision"),
    ("reported-figures", ReportedFigureViewSet, "reported-figure"),
]
