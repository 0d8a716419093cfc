"""Let writers and editors see the background jobs (the fetches they queued)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {"Writer": ["view_job"], "Editor": ["view_job"]}


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
            *Permission.objects.filter(content_type__app_label="ops", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for perm in Permission.objects.filter(content_type__app_label="ops"):
        perm.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [("ops", "0001_initial"), ("articles", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
