"""The summary's counting columns and their GIN indexes, on PostgreSQL only (`insights.facets`).

The model does not name them: SQLite has no arrays and keeps counting through the joins. After
this migration `hankesalkku summarise` fills them (an empty table needs nothing).
"""

from django.db import migrations

from hankesalkku.insights.facets import add_columns, drop_columns


class Migration(migrations.Migration):
    dependencies = [("insights", "0003_export_job")]

    operations = [migrations.RunPython(add_columns, drop_columns)]
