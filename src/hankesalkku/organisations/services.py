from hankesalkku.core.services import save_validated, service
from hankesalkku.core.slugs import unique_slug

from .models import BudgetItem, Organisation
from .validators import normalise_business_id


@service
def organisation_create(*, actor, name: str, organisation_type: str, **fields) -> Organisation:
    if fields.get("business_id"):
        fields["business_id"] = normalise_business_id(fields["business_id"])
    fields.setdefault("slug", unique_slug(Organisation, name))
    return save_validated(Organisation(name=name, organisation_type=organisation_type, **fields))


@service
def budget_item_get_or_create(*, actor, organisation, code: str = "", name: str) -> BudgetItem:
    item = BudgetItem.objects.filter(organisation=organisation, code=code, name=name).first()
    return item or save_validated(BudgetItem(organisation=organisation, code=code, name=name))
