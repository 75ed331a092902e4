"""Load the ESF+ common indicators from data/esf_common_indicators.csv (reference data)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "esf_common_indicators.csv"


def rows():
    with DATA.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def load(apps, schema_editor):
    Indicator = apps.get_model("reporting", "Indicator")
    for row in rows():
        Indicator.objects.update_or_create(
            code=row["code"],
            call=None,
            application=None,
            defaults={
                "category": row["category"],
                "kind": row["kind"],
                "unit": row["unit"],
                "name": row["name"],
            },
        )


def unload(apps, schema_editor):
    Indicator = apps.get_model("reporting", "Indicator")
    Indicator.objects.filter(
        call=None, application=None, code__in=[row["code"] for row in rows()]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
