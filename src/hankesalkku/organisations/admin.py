from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.admin import ServiceAdmin, ServiceInline

from . import services
from .models import BudgetItem, District, Organisation, Region


@admin.register(Region)
class RegionAdmin(ServiceAdmin):
    update_service = services.region_update  # the data migration loads regions
    list_display = ["name", "name_sv", "short_name", "kind", "maakunta", "order"]
    list_filter = ["kind"]
    search_fields = ["name", "name_sv", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(District)
class DistrictAdmin(ServiceAdmin):
    create_service = services.district_create
    update_service = services.district_update
    delete_service = services.district_delete
    list_display = ["name", "name_sv", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name", "name_sv"]
    prepopulated_fields = {"slug": ["name"]}


class _OrganisationServices:
    create_service = services.organisation_create
    update_service = services.organisation_update
    delete_service = services.organisation_delete


class UnitInline(_OrganisationServices, ServiceInline, admin.TabularInline):
    model = Organisation
    fk_name = "parent"
    fields = ["name", "slug", "abbreviation", "organisation_type", "region"]
    extra = 0
    show_change_link = True
    verbose_name = Organisation._meta.verbose_name
    verbose_name_plural = _("yksiköt")


@admin.register(Organisation)
class OrganisationAdmin(_OrganisationServices, ServiceAdmin):
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
    inlines = [UnitInline]


@admin.register(BudgetItem)
class BudgetItemAdmin(ServiceAdmin):
    create_service = services.budget_item_create
    update_service = services.budget_item_update
    delete_service = services.budget_item_delete
    list_display = ["code", "name", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["code", "name", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
