"""What the public read API shows of each record: the pages' facts, as JSON.

Amounts are strings with two decimals (DRF's DecimalField, never a float). A commitment's spent
and open amounts are present only for those `can_view_commitment_spending` allows, exactly as
on the pages; drafts never reach a serializer (the querysets use `visible_to`).
"""

from django.db.models import Prefetch
from rest_framework import serializers

from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.decisions.permissions import can_view_commitment_spending
from hankesalkku.organisations.models import Organisation, Region
from hankesalkku.programmes.models import (
    Call,
    CallStrand,
    Programme,
    ReportedFigure,
    Sector,
    Theme,
)
from hankesalkku.projects.models import Application, Partner, ProjectEntity
from hankesalkku.projects.models.application import FINANCING_COMPONENTS
from hankesalkku.sources.models import SourceReference


def prefetched(relation: str) -> str:
    """Where a view's queryset puts a relation's records as a plain list (`Prefetch(...,
    to_attr=prefetched(relation))`). Prefetched into the relation itself, Django makes a
    manager and a queryset for every record and relation: 300 of them for a page of fifty
    project entities, a third of the page's Python."""
    return f"{relation}_prefetched"


class ReadsPrefetched:
    """A to-many field or list that reads the plain prefetched list where the view made one,
    and the relation otherwise (the schema still follows the relation)."""

    def get_attribute(self, instance):
        records = getattr(instance, prefetched(self.source), None)
        return records if records is not None else super().get_attribute(instance)


class PrefetchedMany(ReadsPrefetched, serializers.ManyRelatedField):
    pass


class PrefetchedList(ReadsPrefetched, serializers.ListSerializer):
    pass


class ManyReadsPrefetched:
    """`many=True` gives a `PrefetchedMany` (DRF builds its ManyRelatedField itself)."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        field = super().many_init(*args, **kwargs)
        field.__class__ = PrefetchedMany
        return field


class SlugRef(ManyReadsPrefetched, serializers.SlugRelatedField):
    """A related record by its slug; a single reference may be empty (null), as most are
    optional (a call without a theme), and the schema says so."""

    def __init__(self, **kwargs):
        if not kwargs.get("many"):
            kwargs.setdefault("allow_null", True)
        super().__init__(slug_field="slug", read_only=True, **kwargs)


class IdRef(ManyReadsPrefetched, serializers.PrimaryKeyRelatedField):
    """A related record by its number."""


class ProgrammeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Programme
        fields = [
            "slug",
            "name",
            "name_sv",
            "name_en",
            "short_name",
            "kind",
            "starts_year",
            "ends_year",
        ]


class ThemeSerializer(serializers.ModelSerializer):
    programme = SlugRef()
    ministries = SlugRef(many=True)

    class Meta:
        model = Theme
        fields = [
            "slug",
            "name",
            "name_sv",
            "name_en",
            "programme",
            "reserved_budget",
            "reserved_budget_qualifier",
            "ministries",
            "description",
        ]


class StrandSerializer(serializers.ModelSerializer):
    class Meta:
        model = CallStrand
        fields = ["number", "name", "name_sv", "name_en"]


class CallSerializer(serializers.ModelSerializer):
    programme = SlugRef()
    theme = SlugRef()
    funding_authority = SlugRef()
    ministries = SlugRef(many=True)
    strands = StrandSerializer(many=True, read_only=True)
    schedule = serializers.SerializerMethodField()

    class Meta:
        model = Call
        fields = [
            "slug",
            "name",
            "name_sv",
            "name_en",
            "programme",
            "theme",
            "funding_authority",
            "ministries",
            "opens",
            "closes",
            "schedule",
            "budget",
            "budget_qualifier",
            "max_support_rate",
            "starts_year",
            "ends_year",
            "description",
            "strands",
        ]

    def get_schedule(self, call) -> dict:
        return {
            "opens": call.opens,
            "closes": call.closes,
            "grant_period": [call.starts_year, call.ends_year],
        }


class OrganisationSerializer(serializers.ModelSerializer):
    parent = SlugRef()
    region = SlugRef()

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "name_sv",
            "name_en",
            "abbreviation",
            "business_id",
            "organisation_type",
            "home_municipality",
            "region",
            "parent",
            "is_illustrative",
        ]


class ApplicationSerializer(serializers.ModelSerializer):
    organisation = SlugRef()
    unit = SlugRef()

    class Meta:
        model = Application
        list_serializer_class = PrefetchedList
        fields = (
            [
                "organisation",
                "unit",
                "role",
                "code",
                "starts",
                "ends",
                "total_cost",
                "total_cost_qualifier",
            ]
            + [
                name
                for component in FINANCING_COMPONENTS
                for name in (component, f"{component}_qualifier")
            ]
            + ["is_illustrative"]
        )


class PartnerSerializer(serializers.ModelSerializer):
    organisation = SlugRef()

    class Meta:
        model = Partner
        list_serializer_class = PrefetchedList
        fields = ["organisation", "description", "is_illustrative"]


class ProjectEntitySerializer(serializers.ModelSerializer):
    call = SlugRef()
    theme = SlugRef()
    specific_objective = serializers.StringRelatedField(allow_null=True)
    funding_authority = SlugRef()
    funding_ministries = SlugRef(many=True)
    sectors = SlugRef(many=True)
    regions = SlugRef(many=True)
    implementers = ApplicationSerializer(source="applications", many=True, read_only=True)
    partners = PartnerSerializer(many=True, read_only=True)
    decisions = IdRef(many=True, read_only=True)

    @staticmethod
    def prefetches() -> list[Prefetch]:
        """The related records this serializer shows, for the queryset it reads, with only the
        columns it shows: a referenced record is its slug or number, not its whole row (a page
        of fifty group projects made a thousand model instances)."""
        implementer_fields = ApplicationSerializer.Meta.fields
        related = {
            "funding_ministries": Organisation.objects.only("slug"),
            "sectors": Sector.objects.only("slug"),
            "regions": Region.objects.only("slug"),
            "decisions": Decision.objects.only("pk"),
            "applications": Application.objects.select_related("organisation", "unit").only(
                "entity", *implementer_fields, "organisation__slug", "unit__slug"
            ),
            "partners": Partner.objects.select_related("organisation").only(
                "entity", *PartnerSerializer.Meta.fields, "organisation__slug"
            ),
        }
        return [
            Prefetch(name, queryset, to_attr=prefetched(name)) for name, queryset in related.items()
        ]

    class Meta:
        model = ProjectEntity
        fields = [
            "slug",
            "name",
            "acronym",
            "project_code",
            "kind",
            "status",
            "call",
            "strand",
            "theme",
            "specific_objective",
            "funding_authority",
            "funding_ministries",
            "starts",
            "ends",
            "period_years_only",
            "target_groups",
            "description",
            "sectors",
            "regions",
            "total_cost",
            "total_cost_qualifier",
            "support",
            "support_qualifier",
            "max_total_cost",
            "is_illustrative",
            "implementers",
            "partners",
            "decisions",
        ]


class CommitmentSerializer(serializers.ModelSerializer):
    payer = SlugRef()
    entity = SlugRef()
    beneficiary = SlugRef()
    budget_item = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = Commitment
        fields = [
            "id",
            "decision",
            "payer",
            "budget_item",
            "purpose",
            "amount",
            "qualifier",
            "spent",
            "open_amount",
            "entity",
            "beneficiary",
        ]

    open_amount = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)

    def to_representation(self, commitment):
        data = super().to_representation(commitment)
        user = self.context["request"].user
        if not can_view_commitment_spending(user, commitment.payer, commitment=commitment)[0]:
            data.pop("spent", None)
            data.pop("open_amount", None)
        return data


class DecisionSerializer(serializers.ModelSerializer):
    organisation = SlugRef()
    project_entities = serializers.SerializerMethodField()
    calls = SlugRef(many=True)
    commitments = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = [
            "id",
            "organisation",
            "decision_maker",
            "decision_maker_kind",
            "stage",
            "date",
            "section",
            "diary_number",
            "classification_code",
            "title",
            "summary",
            "appeal",
            "appeal_law",
            "url",
            "project_entities",
            "calls",
            "commitments",
        ]

    def _visible_entity_ids(self):
        return self.context["visible_entity_ids"]

    def get_project_entities(self, decision) -> list[str]:
        visible = self._visible_entity_ids()
        return [e.slug for e in decision.project_entities.all() if e.pk in visible]

    def get_commitments(self, decision) -> list[dict]:
        visible = self._visible_entity_ids()
        shown = [
            c for c in decision.commitments.all() if c.entity_id is None or c.entity_id in visible
        ]
        return CommitmentSerializer(shown, many=True, context=self.context).data


class SourceSerializer(serializers.ModelSerializer):
    document = serializers.CharField(source="document.title")

    class Meta:
        model = SourceReference
        fields = ["id", "document", "field", "section", "quote"]


class ReportedFigureSerializer(serializers.ModelSerializer):
    call = SlugRef()
    theme = SlugRef()
    sector = SlugRef()
    sources = serializers.SerializerMethodField()

    class Meta:
        model = ReportedFigure
        fields = [
            "id",
            "call",
            "theme",
            "metric",
            "label",
            "sector",
            "value",
            "as_of",
            "note",
            "sources",
        ]

    def get_sources(self, figure) -> list[dict]:
        refs = self.context.get("refs", {})
        found = [
            r
            for (model, pk, _f), items in refs.items()
            if model is ReportedFigure and pk == figure.pk
            for r in items
        ]
        return SourceSerializer(found, many=True).data
