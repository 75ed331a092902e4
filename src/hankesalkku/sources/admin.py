from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.admin import ServiceAdmin, ServiceInline

from . import services
from .models import SourceDocument, SourceReference


class _ReferenceServices:
    create_service = services.source_reference_create
    update_service = services.source_reference_update
    delete_service = services.source_reference_delete

    def create_values(self, values: dict) -> dict:
        """The admin names the cited record by type and id; the service takes the record."""
        content_type, object_id = values.pop("content_type"), values.pop("object_id")
        try:
            values["target"] = content_type.get_object_for_this_type(pk=object_id)
        except ObjectDoesNotExist as missing:
            raise ValidationError(
                {"object_id": _("Tietuetta %(id)s ei ole.") % {"id": object_id}}
            ) from missing
        return values


class ReferenceInline(_ReferenceServices, ServiceInline, admin.TabularInline):
    model = SourceReference
    extra = 0
    fields = ["content_type", "object_id", "field", "section", "quote", "start", "end"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(ServiceAdmin):
    create_service = services.source_document_create
    update_service = services.source_document_update
    delete_service = services.source_document_delete
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
class SourceReferenceAdmin(_ReferenceServices, ServiceAdmin):
    list_display = ["document", "content_type", "object_id", "field", "section", "quote"]
    list_filter = ["content_type", "field", "document"]
    search_fields = ["quote", "section", "document__title"]
    list_select_related = ["document", "content_type"]
    autocomplete_fields = ["document"]
