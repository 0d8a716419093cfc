from django.db import migrations, models


def create_counter(apps, schema_editor):
    apps.get_model("pagecache", "MissedInvalidations").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="MissedInvalidations",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("count", models.BigIntegerField(default=0, verbose_name="count")),
            ],
            options={
                "verbose_name": "missed invalidations",
                "verbose_name_plural": "missed invalidations",
            },
        ),
        migrations.RunPython(create_counter, migrations.RunPython.noop),
    ]
