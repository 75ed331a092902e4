"""The per-cell pre-aggregates gain a region in their key (`insights.cells`), so that the overview
of a region is summed from cells too. The tables are derived: they are made anew and filled
from the summary (on PostgreSQL only). Going back drops them: the code before this step finds
no cells and counts every overview from the summary's rows."""

from django.db import migrations

from hankesalkku.insights.cells import drop_tables, recreate_tables


class Migration(migrations.Migration):
    dependencies = [("insights", "0005_summary_cells")]

    operations = [migrations.RunPython(recreate_tables, drop_tables)]
