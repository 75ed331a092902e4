"""Writes for organisations and their units, members, budget items, districts and regions.

Regions come from the data migration (`reference.py`); people only correct them, so they have
an update service and no create or delete.
"""

from hankesalkku.core.services import delete_recorded, record_create, record_update, service
from hankesalkku.core.slugs import unique_slug

from .models import BudgetItem, District, Organisation, Region
from .validators import normalise_business_id


def _normalised(fields: dict) -> dict:
    """A business ID in its printed form, so the unique check sees one spelling of it."""
    if fields.get("business_id"):
        fields["business_id"] = normalise_business_id(fields["business_id"])
    return fields


@service
def organisation_create(*, actor, name: str, organisation_type: str, **fields) -> Organisation:
    fields.setdefault("slug", unique_slug(Organisation, name))
    return record_create(
        Organisation, name=name, organisation_type=organisation_type, **_normalised(fields)
    )


@service
def organisation_update(
    *, actor, organisation: Organisation, expected_version: int | None = None, **changes
) -> Organisation:
    return record_update(organisation, _normalised(changes), expected_version)


@service
def organisation_delete(*, actor, organisation: Organisation) -> None:
    """Refused while units, applications or decisions still name the organisation."""
    delete_recorded(organisation)


@service
def budget_item_create(
    *,
    actor,
    organisation: Organisation,
    code: str = "",
    name: str,
    name_sv: str = "",
    name_en: str = "",
):
    return record_create(
        BudgetItem,
        organisation=organisation,
        code=code,
        name=name,
        name_sv=name_sv,
        name_en=name_en,
    )


@service
def budget_item_get_or_create(
    *, actor, organisation, code: str = "", name: str, name_sv: str = "", name_en: str = ""
) -> BudgetItem:
    """Decisions name the same budget item again and again; one row serves them all."""
    item = BudgetItem.objects.filter(organisation=organisation, code=code, name=name).first()
    return item or budget_item_create(
        actor=actor,
        organisation=organisation,
        code=code,
        name=name,
        name_sv=name_sv,
        name_en=name_en,
    )


@service
def budget_item_update(*, actor, item: BudgetItem, **changes) -> BudgetItem:
    return record_update(item, changes)


@service
def budget_item_delete(*, actor, item: BudgetItem) -> None:
    """Refused while a commitment or an application's municipal financing names the item."""
    delete_recorded(item)


@service
def district_create(*, actor, name: str, **fields) -> District:
    fields.setdefault("slug", unique_slug(District, name))
    return record_create(District, name=name, **fields)


@service
def district_update(*, actor, district: District, **changes) -> District:
    return record_update(district, changes)


@service
def district_delete(*, actor, district: District) -> None:
    delete_recorded(district)


@service
def region_update(*, actor, region: Region, **changes) -> Region:
    """A name or an alias corrected by hand; the reader matches regions by their aliases."""
    return record_update(region, changes)
