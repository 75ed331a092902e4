"""Readings are reviewed on the review page, whose services keep the rules (an applied value
cannot change); the admin shows them and can only forget a whole reading."""

from django.contrib import admin

from hankesalkku.core.admin import ServiceAdmin, ServiceInline

from .models import ExtractedValue, Extraction
from .services import extraction_delete


class ExtractedValueInline(ServiceInline, admin.TabularInline):
    model = ExtractedValue
    extra = 0
    fields = ["group", "name", "value", "qualifier", "party", "status", "corrected_value", "quote"]


@admin.register(Extraction)
class ExtractionAdmin(ServiceAdmin):
    delete_service = extraction_delete
    list_display = ["document", "kind"]
    list_filter = ["kind"]
    search_fields = ["document__title"]
    list_select_related = ["document"]
    raw_id_fields = ["document"]
    inlines = [ExtractedValueInline]


@admin.register(ExtractedValue)
class ExtractedValueAdmin(ServiceAdmin):
    list_display = ["extraction", "group", "name", "value", "qualifier", "status"]
    list_filter = ["group", "status"]
    search_fields = ["value", "quote", "party"]
    list_select_related = ["extraction__document"]
    raw_id_fields = ["extraction"]
