from django.db import migrations


def load(apps, schema_editor):
    from hankesalkku.organisations.reference import load_regions

    load_regions(apps.get_model("organisations", "Region"))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
