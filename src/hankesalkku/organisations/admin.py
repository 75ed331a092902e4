from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import BudgetItem, District, Organisation, OrganisationMember, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_sv", "short_name", "kind", "maakunta", "order"]
    list_filter = ["kind"]
    search_fields = ["name", "name_sv", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "name_sv", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name", "name_sv"]
    prepopulated_fields = {"slug": ["name"]}


class UnitInline(admin.TabularInline):
    model = Organisation
    fk_name = "parent"
    fields = ["name", "slug", "abbreviation", "organisation_type", "region"]
    extra = 0
    show_change_link = True
    verbose_name = Organisation._meta.verbose_name
    verbose_name_plural = _("yksiköt")


class MemberInline(admin.TabularInline):
    model = OrganisationMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "abbreviation",
        "organisation_type",
        "business_id",
        "parent",
        "region",
        "is_illustrative",
    ]
    list_filter = ["organisation_type", "region", "is_illustrative"]
    search_fields = ["name", "name_sv", "name_en", "abbreviation", "business_id", "slug"]
    list_select_related = ["parent", "region"]
    autocomplete_fields = ["parent", "region"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [UnitInline, MemberInline]


@admin.register(OrganisationMember)
class OrganisationMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation"]
    search_fields = ["user__username", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(BudgetItem)
class BudgetItemAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["code", "name", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
