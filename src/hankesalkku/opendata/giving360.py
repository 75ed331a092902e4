"""The funded grants as a 360Giving package (JSON), valid against the shipped 1.4 schemas.

One grant per implementer's application that states its support: the recipient is the
implementing organisation (its legal entity, identified by business ID), the funder the funding
authority (the ELY centre), else the ministries that granted it. An application without a
stated support or without any date to award it by is left out: 360Giving requires both.
"""

import json
from pathlib import Path

from django.conf import settings

from . import common
from .nuts import NUTS3_BY_REGION

SCHEMA_DIR = Path(__file__).resolve().parent / "data"
VERSION = "1.4"


def _when(day) -> str:
    """Dates as full date-times: the schemas' `oneOf` (date-time format | YYYY-MM-DD pattern)
    would accept a bare date twice, and so refuse it, in a validator that does not assert
    formats; a date-time matches exactly one branch in every validator."""
    return f"{day.isoformat()}T00:00:00Z"


def _organisation(org) -> dict:
    top = common.legal_entity(org)
    return {"id": common.org_id(top), "name": top.name}


def _funder(entity) -> dict | None:
    if entity.funding_authority:
        return _organisation(entity.funding_authority)
    if entity.call and entity.call.funding_authority_id:
        return _organisation(entity.call.funding_authority)
    ministries = list(entity.funding_ministries.all())
    return _organisation(ministries[0]) if ministries else None


def _award_date(entity):
    decisions = list(entity.decisions.all())
    if decisions:
        return decisions[0].date
    return entity.starts


def _grant(entity, application, base_url: str) -> dict | None:
    funder = _funder(entity)
    award_date = _award_date(entity)
    if application.support is None or funder is None or award_date is None:
        return None
    grant = {
        "id": f"{common.LOCAL_ID_PREFIX}-{entity.pk}-{application.pk}",
        "title": str(entity),
        "description": entity.description or str(entity),
        "currency": "EUR",
        "amountAwarded": common.exact_number(application.support),
        "awardDate": _when(award_date),
        "recipientOrganization": [_organisation(application.organisation)],
        "fundingOrganization": [funder],
    }
    if base_url:  # the page knows its own address; the command only when told
        grant["url"] = base_url + entity.get_absolute_url()
        grant["dataSource"] = base_url + "/avoin-data/"
    starts, ends = application.starts or entity.starts, application.ends or entity.ends
    if starts and ends:
        grant["plannedDates"] = [{"startDate": _when(starts), "endDate": _when(ends)}]
    region = application.organisation.region or (
        application.organisation.parent.region if application.organisation.parent_id else None
    )
    if region is not None and region.slug in NUTS3_BY_REGION:
        grant["beneficiaryLocation"] = [
            {
                "name": region.name,
                "countryCode": "FI",
                "geoCode": NUTS3_BY_REGION[region.slug],
                "geoCodeType": "NUTS3",
            }
        ]
    if entity.call:
        grant["grantProgramme"] = [{"code": entity.call.slug, "title": entity.call.name}]
    if entity.is_illustrative or application.is_illustrative:
        grant["hankesalkku_illustrative"] = True
    return grant


def package(base_url: str = "") -> dict:
    base_url = base_url or getattr(settings, "HANKESALKKU_PUBLIC_URL", "")
    updated = common.last_update()
    grants = [
        grant
        for entity in common.funded_operations()
        for application in entity.applications.all()
        if (grant := _grant(entity, application, base_url)) is not None
    ]
    return {
        "version": VERSION,
        "title": "Hankesalkku: rahoitetut hankkeet",
        "description": "Rahoitetut hankkeet toteuttajittain. Havainnollistavat demotietueet on "
        "merkitty kentällä hankesalkku_illustrative.",
        "issued": updated.isoformat(timespec="seconds"),
        "modified": updated.isoformat(timespec="seconds"),
        "identifier": f"{common.LOCAL_ID_PREFIX}-grants",
        "license": common.LICENCE_URL,
        "publisher": {"name": common.PUBLISHER},
        "grants": grants,
    }


def render(base_url: str = "") -> bytes:
    return json.dumps(package(base_url), ensure_ascii=False, indent=2).encode()


def schemas() -> tuple[dict, dict]:
    """The package and grant schemas as shipped (360Giving 1.4.x, unchanged)."""
    package_schema = json.loads((SCHEMA_DIR / "360giving-package-schema.json").read_text())
    grant_schema = json.loads((SCHEMA_DIR / "360giving-grant-schema.json").read_text())
    return package_schema, grant_schema
