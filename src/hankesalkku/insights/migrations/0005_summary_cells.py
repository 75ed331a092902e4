"""The per-cell pre-aggregates of the summary, on PostgreSQL only (`insights.cells`).

Derived tables without models (SQLite keeps the joined counting); filled from the summary here,
and by `hankesalkku summarise` after that.
"""

from django.db import migrations

from hankesalkku.insights.cells import create_tables, drop_tables


class Migration(migrations.Migration):
    dependencies = [("insights", "0004_summary_facets")]

    operations = [migrations.RunPython(create_tables, drop_tables)]
