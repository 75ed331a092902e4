"""Admin for projects: every save is a service call, so an admin save cannot bypass a rule.

The financing sum is a database constraint; the application form checks it (and the call's
maximum support rate) with the services' own function first, so a figure that does not add up
comes back as a message on the field before anything is saved. A project's status offers the
steps the transition table allows, and a new status is written by its transition service.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.admin import ServiceAdmin, ServiceInline

from . import services
from .models import Application, Partner, ProjectEntity
from .models.status import ALLOWED_TRANSITIONS
from .services import application_financing_validate


class ApplicationForm(forms.ModelForm):
    """Used by the admin, which supplies the model and fields."""

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            application_financing_validate(self.instance)
        except ValidationError as error:
            self._update_errors(error)


class ProjectEntityForm(forms.ModelForm):
    """The status lists the stored status and the steps the transition table allows from it;
    a new project lists only the initial status.

    Only the choices shown are narrowed: a status posted past them reaches the transition
    service, whose refusal is the one message for a step that is not allowed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None:
            current = self.instance.status
            steps = {current, *ALLOWED_TRANSITIONS[current]}
            if self.instance.pk is None:
                steps = {services.INITIAL_STATUS}
            status.widget.choices = [c for c in status.choices if c[0] in steps]


FINANCING_FIELDS = [
    "total_cost",
    "total_cost_qualifier",
    "support",
    "support_qualifier",
    "own_financing",
    "own_financing_qualifier",
    "municipal_financing",
    "municipal_financing_qualifier",
    "municipal_financing_payer",
    "municipal_financing_budget_item",
    "other_public_financing",
    "other_public_financing_qualifier",
    "private_financing",
    "private_financing_qualifier",
]


class _ApplicationServices:
    create_service = services.application_create
    update_service = services.application_update
    delete_service = services.application_delete


class _PartnerServices:
    create_service = services.partner_add
    update_service = services.partner_update
    delete_service = services.partner_remove


class ApplicationInline(_ApplicationServices, ServiceInline, admin.StackedInline):
    model = Application
    form = ApplicationForm
    fk_name = "entity"
    extra = 0
    autocomplete_fields = [
        "organisation",
        "unit",
        "municipal_financing_payer",
        "municipal_financing_budget_item",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("organisation", "unit", "role"),
                    ("code", "starts", "ends"),
                    "is_illustrative",
                ]
            },
        ),
        (_("Rahoitus"), {"fields": FINANCING_FIELDS}),
    ]


class PartnerInline(_PartnerServices, ServiceInline, admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(ProjectEntity)
class ProjectEntityAdmin(ServiceAdmin):
    create_service = services.project_entity_create
    update_service = services.project_entity_update
    delete_service = services.project_entity_delete
    form = ProjectEntityForm
    list_display = [
        "name",
        "acronym",
        "kind",
        "status",
        "call",
        "total_cost",
        "support",
        "is_illustrative",
    ]
    list_filter = [
        "status",
        "kind",
        "call",
        "theme",
        ("funding_ministries", admin.RelatedOnlyFieldListFilter),
        "sectors",
        ("regions", admin.RelatedOnlyFieldListFilter),
        "is_illustrative",
    ]
    search_fields = ["name", "acronym", "project_code", "slug", "applications__organisation__name"]
    list_select_related = ["call"]
    autocomplete_fields = [
        "call",
        "strand",
        "theme",
        "specific_objective",
        "funding_authority",
        "funding_ministries",
        "regions",
    ]
    filter_horizontal = ["sectors"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ApplicationInline, PartnerInline]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        """Sectors with their branch: student welfare exists under two branches."""
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "sectors":
            field.queryset = field.queryset.select_related("branch")
            field.label_from_instance = lambda sector: f"{sector.branch} – {sector}"
        return field

    def get_search_results(self, request, queryset, search_term):
        queryset, _dups = super().get_search_results(request, queryset, search_term)
        return queryset.distinct(), False

    def update_through_service(self, request, form, record):
        """The fields through the update service, a new status through its transition."""
        changes = self.changes(form)
        target = changes.pop("status", record.status)
        if changes:
            record = services.project_entity_update(
                actor=request.user,
                entity=record,
                expected_version=self.expected_version(form),
                **changes,
            )
        if target != record.status:
            step = services.transition_service(record.status, target)
            record = step(actor=request.user, entity=record)
        return record


@admin.register(Application)
class ApplicationAdmin(_ApplicationServices, ServiceAdmin):
    form = ApplicationForm
    list_display = [
        "entity",
        "organisation",
        "unit",
        "role",
        "total_cost",
        "support",
        "own_financing",
        "municipal_financing",
        "is_illustrative",
    ]
    list_filter = [
        "role",
        "entity__status",
        "entity__call",
        "organisation__organisation_type",
        "is_illustrative",
    ]
    search_fields = ["entity__name", "entity__acronym", "organisation__name", "unit__name", "code"]
    list_select_related = ["entity", "organisation", "unit"]
    autocomplete_fields = [
        "entity",
        "organisation",
        "unit",
        "municipal_financing_payer",
        "municipal_financing_budget_item",
    ]
    fieldsets = ApplicationInline.fieldsets[:1] + [
        (None, {"fields": ["entity"]}),
        (_("Rahoitus"), {"fields": FINANCING_FIELDS}),
    ]


@admin.register(Partner)
class PartnerAdmin(_PartnerServices, ServiceAdmin):
    list_display = ["organisation", "entity", "description", "is_illustrative"]
    list_filter = ["is_illustrative"]
    search_fields = ["organisation__name", "entity__name", "entity__acronym", "description"]
    list_select_related = ["organisation", "entity"]
    autocomplete_fields = ["organisation", "entity"]
