"""Full-text search on PostgreSQL: a generated tsvector column per language with a GIN index.

modeltranslation does not clone expression indexes per language, so each
language's vector and index are written here. The columns are not model
fields: PostgreSQL keeps them current on every write, and ``search/`` reads
them. On other databases this migration does nothing (search there is simpler).

Note for later migrations: PostgreSQL refuses to change the type of a column a
generated column reads (title, relevance, summary, body per language); drop
and re-create the search column around such a change.
"""

from django.db import migrations

# Frozen here, like any migration: the languages and their configurations at the time.
LANGUAGES = {"en": "english", "nl": "dutch"}


def vector_sql(lang, config):
    return (
        f"setweight(to_tsvector('{config}'::regconfig, coalesce(title_{lang}, '')), 'A') || "
        f"setweight(to_tsvector('{config}'::regconfig, coalesce(relevance_{lang}, '') || ' ' || "
        f"coalesce(summary_{lang}, '')), 'B') || "
        f"setweight(to_tsvector('{config}'::regconfig, coalesce(body_{lang}, '')), 'C')"
    )


def add_search_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for lang, config in LANGUAGES.items():
        schema_editor.execute(
            f"ALTER TABLE articles_article ADD COLUMN search_{lang} tsvector "
            f"GENERATED ALWAYS AS ({vector_sql(lang, config)}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX article_search_{lang} ON articles_article USING GIN (search_{lang})"
        )


def drop_search_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for lang in LANGUAGES:
        schema_editor.execute(f"ALTER TABLE articles_article DROP COLUMN IF EXISTS search_{lang}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_roles")]

    operations = [migrations.RunPython(add_search_columns, drop_search_columns, elidable=False)]
