from django.contrib import admin

from .models import ExtractedValue, Extraction


class ExtractedValueInline(admin.TabularInline):
    model = ExtractedValue
    extra = 0
    fields = ["group", "name", "value", "qualifier", "party", "status", "corrected_value", "quote"]


@admin.register(Extraction)
class ExtractionAdmin(admin.ModelAdmin):
    list_display = ["document", "kind"]
    list_filter = ["kind"]
    search_fields = ["document__title"]
    list_select_related = ["document"]
    raw_id_fields = ["document"]
    inlines = [ExtractedValueInline]


@admin.register(ExtractedValue)
class ExtractedValueAdmin(admin.ModelAdmin):
    list_display = ["extraction", "group", "name", "value", "qualifier", "status"]
    list_filter = ["group", "status"]
    search_fields = ["value", "quote", "party"]
    list_select_related = ["extraction__document"]
    raw_id_fields = ["extraction"]
