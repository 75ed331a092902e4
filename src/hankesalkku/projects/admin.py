"""Admin for projects: the same rules as the services, so an admin save cannot bypass them.

The financing sum is a database constraint; the forms check it (and the call's maximum support
rate) first, so a figure that does not add up comes back as a message on the field, not a 500.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Application, Partner, ProjectEntity, ProjectStatus
from .models.status import can_transition
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
    """Used by the admin, which supplies the model and fields."""

    def clean_status(self):
        """A status follows the allowed steps, as in the services; a new record may start anywhere."""
        status = self.cleaned_data["status"]
        if self.instance.pk and "status" in self.changed_data:
            current = ProjectEntity.objects.values_list("status", flat=True).get(
                pk=self.instance.pk
            )
            if status != current and not can_transition(current, status):
                raise ValidationError(
                    _("Tilasta ”%(current)s” ei voi siirtyä tilaan ”%(target)s”.")
                    % {
                        "current": ProjectStatus(current).label,
                        "target": ProjectStatus(status).label,
                    }
                )
        return status


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


class ApplicationInline(admin.StackedInline):
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


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(ProjectEntity)
class ProjectEntityAdmin(admin.ModelAdmin):
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


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
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
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["organisation", "entity", "description", "is_illustrative"]
    list_filter = ["is_illustrative"]
    search_fields = ["organisation__name", "entity__name", "entity__acronym", "description"]
    list_select_related = ["organisation", "entity"]
    autocomplete_fields = ["organisation", "entity"]
