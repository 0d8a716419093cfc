"""Editors moderate reader feedback; writers and translators do not see it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = ["view_feedback", "change_feedback", "delete_feedback", "export_feedback"]


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _ = Group.objects.get_or_create(name="Editor")
    perms = Permission.objects.filter(
        content_type__app_label="feedback", codename__in=EDITOR_PERMISSIONS
    )
    editor.permissions.add(*perms)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="feedback")
    for group in Group.objects.filter(name="Editor"):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("articles", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
