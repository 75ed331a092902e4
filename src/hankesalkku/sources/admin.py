from django.contrib import admin

from .models import SourceDocument, SourceReference


class ReferenceInline(admin.TabularInline):
    model = SourceReference
    extra = 0
    fields = ["content_type", "object_id", "field", "section", "quote", "start", "end"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "publisher", "filename"]
    list_filter = ["kind", "publisher", "date"]
    search_fields = ["title", "filename", "sha256", "text"]
    date_hierarchy = "date"
    list_select_related = ["publisher"]
    autocomplete_fields = ["publisher"]
    readonly_fields = ["sha256", "created", "uploaded_by"]
    exclude = ["original"]
    inlines = [ReferenceInline]


@admin.register(SourceReference)
class SourceReferenceAdmin(admin.ModelAdmin):
    list_display = ["document", "content_type", "object_id", "field", "section", "quote"]
    list_filter = ["content_type", "field", "document"]
    search_fields = ["quote", "section", "document__title"]
    list_select_related = ["document", "content_type"]
    autocomplete_fields = ["document"]
