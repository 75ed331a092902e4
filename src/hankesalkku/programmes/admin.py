from django.contrib import admin

from hankesalkku.core.admin import ServiceAdmin, ServiceInline

from . import services
from .models import (
    AdministrativeBranch,
    Call,
    CallStrand,
    CostModel,
    ImpactFramework,
    ImpactLevel,
    Priority,
    Programme,
    ReportedFigure,
    Sector,
    SpecificObjective,
    Theme,
)


class PriorityInline(ServiceInline, admin.TabularInline):
    create_service = services.priority_create
    update_service = services.priority_update
    delete_service = services.priority_delete
    model = Priority
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(ServiceAdmin):
    create_service = services.programme_create
    update_service = services.programme_update
    delete_service = services.programme_delete
    list_display = ["name", "short_name", "kind", "owner", "starts_year", "ends_year"]
    list_filter = ["kind"]
    search_fields = ["name", "name_sv", "short_name"]
    autocomplete_fields = ["owner"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PriorityInline]


class SpecificObjectiveInline(ServiceInline, admin.TabularInline):
    create_service = services.specific_objective_create
    update_service = services.specific_objective_update
    delete_service = services.specific_objective_delete
    model = SpecificObjective
    extra = 0


@admin.register(Priority)
class PriorityAdmin(ServiceAdmin):
    create_service = services.priority_create
    update_service = services.priority_update
    delete_service = services.priority_delete
    list_display = ["number", "name", "programme"]
    list_filter = ["programme"]
    search_fields = ["name", "number"]
    inlines = [SpecificObjectiveInline]


@admin.register(SpecificObjective)
class SpecificObjectiveAdmin(ServiceAdmin):
    create_service = services.specific_objective_create
    update_service = services.specific_objective_update
    delete_service = services.specific_objective_delete
    list_display = ["code", "name", "priority"]
    list_filter = ["priority__programme"]
    search_fields = ["name", "code"]


class SectorInline(ServiceInline, admin.TabularInline):
    create_service = services.sector_create
    update_service = services.sector_update
    delete_service = services.sector_delete
    model = Sector
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AdministrativeBranch)
class AdministrativeBranchAdmin(ServiceAdmin):
    create_service = services.administrative_branch_create
    update_service = services.administrative_branch_update
    delete_service = services.administrative_branch_delete
    list_display = ["name", "is_social_and_health", "order"]
    search_fields = ["name"]
    inlines = [SectorInline]


@admin.register(Sector)
class SectorAdmin(ServiceAdmin):
    create_service = services.sector_create
    update_service = services.sector_update
    delete_service = services.sector_delete
    list_display = ["name", "branch", "order"]
    list_filter = ["branch"]
    search_fields = ["name", "name_sv", "name_en"]
    list_select_related = ["branch"]


@admin.register(Theme)
class ThemeAdmin(ServiceAdmin):
    create_service = services.theme_create
    update_service = services.theme_update
    delete_service = services.theme_delete
    list_display = ["name", "programme", "specific_objective", "reserved_budget"]
    list_filter = ["programme", "ministries"]
    search_fields = ["name", "name_sv", "name_en"]
    autocomplete_fields = ["specific_objective", "ministries"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CostModel)
class CostModelAdmin(ServiceAdmin):
    create_service = services.cost_model_create
    update_service = services.cost_model_update
    delete_service = services.cost_model_delete
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class CallStrandInline(ServiceInline, admin.TabularInline):
    create_service = services.call_strand_create
    update_service = services.call_strand_update
    delete_service = services.call_strand_delete
    model = CallStrand
    extra = 0


class ReportedFigureInline(ServiceInline, admin.TabularInline):
    create_service = services.reported_figure_create
    update_service = services.reported_figure_update
    delete_service = services.reported_figure_delete
    model = ReportedFigure
    fk_name = "call"
    fields = ["metric", "label", "sector", "value", "as_of", "note"]
    extra = 0


@admin.register(Call)
class CallAdmin(ServiceAdmin):
    create_service = services.call_create
    update_service = services.call_update
    delete_service = services.call_delete
    list_display = [
        "name",
        "theme",
        "opens",
        "closes",
        "budget",
        "budget_qualifier",
        "funding_authority",
    ]
    list_filter = ["programme", "theme", "ministries", "opens"]
    search_fields = ["name", "name_sv", "name_en", "slug"]
    date_hierarchy = "opens"
    autocomplete_fields = [
        "funding_authority",
        "ministries",
        "theme",
        "target_districts",
        "impact_framework",
    ]
    filter_horizontal = ["allowed_cost_models"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["theme", "funding_authority"]
    inlines = [CallStrandInline, ReportedFigureInline]


@admin.register(CallStrand)
class CallStrandAdmin(ServiceAdmin):
    create_service = services.call_strand_create
    update_service = services.call_strand_update
    delete_service = services.call_strand_delete
    list_display = ["call", "number", "name"]
    list_filter = ["call"]
    search_fields = ["name", "call__name"]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(ServiceAdmin):
    create_service = services.reported_figure_create
    update_service = services.reported_figure_update
    delete_service = services.reported_figure_delete
    list_display = ["metric", "label", "sector", "value", "as_of", "call", "theme"]
    list_filter = ["metric", "call", "theme"]
    search_fields = ["label", "note"]
    list_select_related = ["call", "theme", "sector"]


class ImpactLevelInline(ServiceInline, admin.TabularInline):
    create_service = services.impact_level_create
    update_service = services.impact_level_update
    delete_service = services.impact_level_delete
    model = ImpactLevel
    extra = 0


@admin.register(ImpactFramework)
class ImpactFrameworkAdmin(ServiceAdmin):
    create_service = services.impact_framework_create
    update_service = services.impact_framework_update
    delete_service = services.impact_framework_delete
    list_display = ["name"]
    search_fields = ["name"]
    inlines = [ImpactLevelInline]
