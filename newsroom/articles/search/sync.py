"""Keep SQLite's search index in step with every write that changes what search reads.

Connected in ``ArticlesConfig.ready``. The index is written in the same transaction
as the change, so a rolled-back edit leaves the index as it was. On PostgreSQL
``index_updates`` does nothing (generated columns), so these cost nothing there
beyond a function call.
"""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from . import index_updates


def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_updates([instance.pk])


def _tagging_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        index_updates([instance.content_object_id])


def _topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action.startswith("post_"):
            index_updates([instance.pk])
    elif action == "pre_clear":  # topic.articles.clear(): remember whom it leaves
        instance._search_cleared = list(instance.articles.values_list("pk", flat=True))
    elif action == "post_clear":
        index_updates(getattr(instance, "_search_cleared", []))
    elif action.startswith("post_"):  # topic.articles.add/remove(...): update ids
        index_updates(list(pk_set or ()))


def _tag_renamed(sender, instance, raw=False, created=False, **kwargs):
    """Every update filed under a renamed tag is found by its new name."""
    from newsroom.articles.models import Article

    if not raw and not created:
        index_updates(list(Article.objects.filter(tags=instance).values_list("pk", flat=True)))


def _topic_renamed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        index_updates(list(instance.articles.values_list("pk", flat=True)))


def index_missing(sender, using="default", **kwargs):
    """After ``migrate``: index the updates the FTS5 tables do not have yet (those that
    existed before migration 0004 made the tables). Nothing to do on PostgreSQL."""
    from django.db import connections

    from newsroom.articles.models import Article
    from newsroom.languages import LANGUAGE_CODES

    from . import sqlite

    connection = connections[using]
    if sender.label != "articles" or connection.vendor != "sqlite":
        return
    tables = set(connection.introspection.table_names())
    if not all(sqlite.table(lang) in tables for lang in LANGUAGE_CODES):
        return  # migrated to before 0004: no index yet
    indexed = set()
    with connection.cursor() as cursor:
        for lang in LANGUAGE_CODES:
            cursor.execute(f"SELECT rowid FROM {sqlite.table(lang)}")  # noqa: S608
            indexed |= {row[0] for row in cursor.fetchall()}
    missing = [pk for pk in Article.objects.values_list("pk", flat=True) if pk not in indexed]
    if missing:
        index_updates(missing)


def connect():
    from newsroom.articles.models import Article, Tag, TaggedArticle, Topic

    post_save.connect(_article_saved, sender=Article, dispatch_uid="search-article-save")
    post_delete.connect(_article_saved, sender=Article, dispatch_uid="search-article-delete")
    post_save.connect(_tagging_changed, sender=TaggedArticle, dispatch_uid="search-tagged-save")
    post_delete.connect(_tagging_changed, sender=TaggedArticle, dispatch_uid="search-tagged-delete")
    m2m_changed.connect(
        _topics_changed, sender=Article.topics.through, dispatch_uid="search-topics"
    )
    post_save.connect(_tag_renamed, sender=Tag, dispatch_uid="search-tag-name")
    post_save.connect(_topic_renamed, sender=Topic, dispatch_uid="search-topic-name")
    post_migrate.connect(index_missing, dispatch_uid="search-index-missing")
