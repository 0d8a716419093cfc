"""Joins two migrations written at the same time: the embargo field and the tag slugs."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_embargo"), ("articles", "0008_tags_without_slug")]

    operations = []
