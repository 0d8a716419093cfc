"""Search on both databases.

PostgreSQL: the generated ``search_<lang>`` columns from 0003 are re-created to
include the original title (weight B), so a reader finds an update by the
headline it had at its source.

SQLite: FTS5 tables ``articles_search_<lang>`` of Snowball stems (see
``newsroom/articles/search/sqlite.py``). They are not model fields;
``search.index_updates`` keeps them current. Updates that existed before this
migration are indexed after ``migrate`` (``search.sync.index_missing``, on
post_migrate), with the real models: a historical model has no taggit manager.
"""

from django.db import migrations

# Frozen here, like any migration: the languages and their configurations at the time.
LANGUAGES = {"en": "english", "nl": "dutch"}
FTS_COLUMNS = "title, extra, summary, body"


def vector_sql(lang, config):
    return (
        f"setweight(to_tsvector('{config}'::regconfig, coalesce(title_{lang}, '')), 'A') || "
        f"setweight(to_tsvector('{config}'::regconfig, coalesce(relevance_{lang}, '') || ' ' || "
        f"coalesce(summary_{lang}, '') || ' ' || coalesce(original_title, '')), 'B') || "
        f"setweight(to_tsvector('{config}'::regconfig, coalesce(body_{lang}, '')), 'C')"
    )


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for lang, config in LANGUAGES.items():
            schema_editor.execute(f"ALTER TABLE articles_article DROP COLUMN search_{lang}")
            schema_editor.execute(
                f"ALTER TABLE articles_article ADD COLUMN search_{lang} tsvector "
                f"GENERATED ALWAYS AS ({vector_sql(lang, config)}) STORED"
            )
            schema_editor.execute(
                f"CREATE INDEX article_search_{lang} ON articles_article USING GIN (search_{lang})"
            )
    elif vendor == "sqlite":
        for lang in LANGUAGES:
            schema_editor.execute(
                f"CREATE VIRTUAL TABLE articles_search_{lang} USING fts5("
                f"{FTS_COLUMNS}, tokenize = 'unicode61 remove_diacritics 0')"
            )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for lang in LANGUAGES:
            schema_editor.execute(f"DROP TABLE IF EXISTS articles_search_{lang}")
    # PostgreSQL keeps the wider columns: 0003's reverse drops them.


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_search_vectors")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
