from django.db import migrations


def load(apps, schema_editor):
    from hankesalkku.programmes.reference import load_reference

    load_reference(
        apps.get_model("programmes", "AdministrativeBranch"),
        apps.get_model("programmes", "Sector"),
        apps.get_model("programmes", "CostModel"),
    )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
