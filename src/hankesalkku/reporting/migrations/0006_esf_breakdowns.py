"""Load the ESF+ breakdowns (gender, age group, education) from data/esf_breakdowns.csv and
attach each to the common indicators that take it (reference data)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "esf_breakdowns.csv"


def rows():
    with DATA.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def load(apps, schema_editor):
    Breakdown = apps.get_model("reporting", "Breakdown")
    Category = apps.get_model("reporting", "BreakdownCategory")
    Indicator = apps.get_model("reporting", "Indicator")
    breakdowns, order = {}, {}
    for row in rows():
        slug = row["breakdown"]
        if not row["category"]:
            breakdown, _made = Breakdown.objects.update_or_create(
                slug=slug, defaults={"name": row["name"], "order": len(breakdowns) + 1}
            )
            breakdowns[slug] = breakdown
            codes = (row["indicators"] or "").split()
            for indicator in Indicator.objects.filter(
                code__in=codes, call=None, application=None
            ):
                indicator.breakdowns.add(breakdown)
            continue
        order[slug] = order.get(slug, 0) + 1
        Category.objects.update_or_create(
            breakdown=breakdowns[slug],
            slug=row["category"],
            defaults={"name": row["name"], "order": order[slug]},
        )


def unload(apps, schema_editor):
    Breakdown = apps.get_model("reporting", "Breakdown")
    Breakdown.objects.filter(slug__in={row["breakdown"] for row in rows()}).delete()


class Migration(migrations.Migration):
    dependencies = [("reporting", "0005_breakdowns_and_final_questions")]
    operations = [migrations.RunPython(load, unload)]
