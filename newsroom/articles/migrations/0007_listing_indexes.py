"""Indexes for pages whose cost does not grow with the number of updates.

On PostgreSQL a covering partial index lets listings, deep pages, capped counts and the
sitemap read ids newest first with index-only scans (the reader filter's columns are in
it); other databases do without it. See docs/performance.md.
"""

from django.conf import settings
from django.db import migrations, models

READER_LISTING = (
    "CREATE INDEX IF NOT EXISTS article_reader_listing ON articles_article "
    "(publish_at DESC, id DESC) INCLUDE (source_language, translation_state) "
    "WHERE status = 'published'"
)


def add_reader_listing(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(READER_LISTING)


def drop_reader_listing(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS article_reader_listing")


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0006_key_points_image_credit'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='article',
            options={'ordering': ['-publish_at', '-id'], 'permissions': [('publish_article', 'Can publish, schedule and unpublish updates'), ('review_translation', 'Can mark a translation reviewed'), ('edit_source_text', "Can edit an update's source-language text")], 'verbose_name': 'update', 'verbose_name_plural': 'updates'},
        ),
        migrations.RunPython(add_reader_listing, drop_reader_listing, elidable=False),
        migrations.AddIndex(
            model_name='taggedarticle',
            index=models.Index(fields=['tag', '-content_object'], name='tagged_article_by_tag'),
        ),
    ]
