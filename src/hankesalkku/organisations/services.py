from django.db import transaction

from hankesalkku.core.services import save_validated
from hankesalkku.projects.services import unique_slug

from .models import Organisation
from .validators import normalise_business_id


@transaction.atomic
def organisation_create(*, actor, name: str, organisation_type: str, **fields) -> Organisation:
    if fields.get("business_id"):
        fields["business_id"] = normalise_business_id(fields["business_id"])
    fields.setdefault("slug", unique_slug(Organisation, name))
    return save_validated(Organisation(name=name, organisation_type=organisation_type, **fields))
