"""Let writers and editors fetch sources and read the import log and inbox."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ = ["view_importrun", "view_importrunitem", "view_importeditem", "view_feedstate"]
ROLES = {"Writer": [*READ, "fetch_source"], "Editor": [*READ, "fetch_source", "delete_importrun"]}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="ingest", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for perm in Permission.objects.filter(content_type__app_label="ingest"):
        perm.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [("ingest", "0001_initial"), ("articles", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
