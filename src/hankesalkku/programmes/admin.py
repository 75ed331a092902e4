from django.contrib import admin

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


class PriorityInline(admin.TabularInline):
    model = Priority
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "owner", "starts_year", "ends_year"]
    list_filter = ["kind"]
    search_fields = ["name", "name_sv", "short_name"]
    autocomplete_fields = ["owner"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PriorityInline]


class SpecificObjectiveInline(admin.TabularInline):
    model = SpecificObjective
    extra = 0


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "programme"]
    list_filter = ["programme"]
    search_fields = ["name", "number"]
    inlines = [SpecificObjectiveInline]


@admin.register(SpecificObjective)
class SpecificObjectiveAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "priority"]
    list_filter = ["priority__programme"]
    search_fields = ["name", "code"]


class SectorInline(admin.TabularInline):
    model = Sector
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AdministrativeBranch)
class AdministrativeBranchAdmin(admin.ModelAdmin):
    list_display = ["name", "is_social_and_health", "order"]
    search_fields = ["name"]
    inlines = [SectorInline]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "branch", "order"]
    list_filter = ["branch"]
    search_fields = ["name", "name_sv", "name_en"]
    list_select_related = ["branch"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "specific_objective", "reserved_budget"]
    list_filter = ["programme", "ministries"]
    search_fields = ["name", "name_sv", "name_en"]
    autocomplete_fields = ["specific_objective", "ministries"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CostModel)
class CostModelAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class CallStrandInline(admin.TabularInline):
    model = CallStrand
    extra = 0


class ReportedFigureInline(admin.TabularInline):
    model = ReportedFigure
    fk_name = "call"
    fields = ["metric", "label", "sector", "value", "as_of", "note"]
    extra = 0


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
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
class CallStrandAdmin(admin.ModelAdmin):
    list_display = ["call", "number", "name"]
    list_filter = ["call"]
    search_fields = ["name", "call__name"]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(admin.ModelAdmin):
    list_display = ["metric", "label", "sector", "value", "as_of", "call", "theme"]
    list_filter = ["metric", "call", "theme"]
    search_fields = ["label", "note"]
    list_select_related = ["call", "theme", "sector"]


class ImpactLevelInline(admin.TabularInline):
    model = ImpactLevel
    extra = 0


@admin.register(ImpactFramework)
class ImpactFrameworkAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    inlines = [ImpactLevelInline]
