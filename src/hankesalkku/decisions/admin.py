from django.contrib import admin

from hankesalkku.core.admin import ServiceAdmin, ServiceInline

from . import services
from .models import Commitment, Decision


class _CommitmentServices:
    create_service = services.commitment_create
    update_service = services.commitment_update
    delete_service = services.commitment_remove


class CommitmentInline(_CommitmentServices, ServiceInline, admin.TabularInline):
    model = Commitment
    extra = 0
    fields = [
        "payer",
        "budget_item",
        "purpose",
        "amount",
        "qualifier",
        "spent",
        "entity",
        "beneficiary",
        "starts_year",
        "ends_year",
    ]
    autocomplete_fields = ["payer", "budget_item", "entity", "beneficiary"]


@admin.register(Decision)
class DecisionAdmin(ServiceAdmin):
    create_service = services.decision_create
    update_service = services.decision_update
    delete_service = services.decision_delete
    list_display = [
        "date",
        "organisation",
        "decision_maker",
        "section_label",
        "diary_number",
        "title",
        "stage",
    ]
    list_filter = ["organisation", "decision_maker_kind", "stage", "appeal", "date"]
    search_fields = ["title", "diary_number", "decision_maker", "summary", "section"]
    date_hierarchy = "date"
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "project_entities", "calls"]
    inlines = [CommitmentInline]


@admin.register(Commitment)
class CommitmentAdmin(_CommitmentServices, ServiceAdmin):
    list_display = [
        "decision",
        "payer",
        "budget_item",
        "purpose",
        "amount",
        "qualifier",
        "spent",
        "entity",
        "beneficiary",
    ]
    list_filter = ["purpose", "qualifier", "payer", "budget_item"]
    search_fields = [
        "payer__name",
        "entity__name",
        "entity__acronym",
        "decision__title",
        "decision__diary_number",
    ]
    list_select_related = ["decision", "payer", "budget_item", "entity", "beneficiary"]
    autocomplete_fields = ["decision", "payer", "budget_item", "entity", "beneficiary"]
