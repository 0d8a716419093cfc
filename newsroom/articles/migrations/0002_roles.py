"""Create the Writer, Translator and Editor groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["article", "correction", "editorialsignal", "storylink", "source", "topic", "tag", "taggedarticle"]

ROLES = {
    "Writer": [
        "add_article", "change_article", "view_article", "edit_source_text",
        "add_editorialsignal", "change_editorialsignal", "delete_editorialsignal",
        "view_editorialsignal",
        "add_storylink", "change_storylink", "delete_storylink", "view_storylink",
        "add_tag", "change_tag", "view_tag", "add_taggedarticle", "view_taggedarticle",
        "view_source", "view_topic",
    ],
    "Translator": [
        "change_article", "view_article", "review_translation",
        "change_editorialsignal", "view_editorialsignal",
        "view_storylink", "view_source", "view_topic", "view_tag",
    ],
    "Editor": [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ] + ["publish_article", "review_translation", "edit_source_text"],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        group.permissions.add(*perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
