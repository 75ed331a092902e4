from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("project", "hankkeet"), ("organisation", "organisaatiot"), ("decision", "päätökset"), ("call", "haut"), ("document", "asiakirjat")], max_length=20, verbose_name="laji")),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.CharField(max_length=500, verbose_name="otsikko")),
                ("body", models.TextField(blank=True, verbose_name="teksti")),
                ("lemmas", models.TextField(blank=True, verbose_name="perusmuodot")),
                ("year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="vuosi")),
                ("url", models.CharField(max_length=300, verbose_name="osoite")),
            ],
            options={
                "verbose_name": "hakuindeksin tietue",
                "verbose_name_plural": "hakuindeksin tietueet",
                "indexes": [models.Index(fields=["kind", "object_id"], name="search_entry_kind")],
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_unique")],
            },
        ),
    ]
