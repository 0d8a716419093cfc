"""Search on SQLite: FTS5 tables of Snowball stems, one per language, ranked with bm25.

``articles_search_<lang>`` (created by migration 0004 on SQLite only) holds one
row per update, ``rowid`` = the update's id, with stemmed text in four
columns weighted for ranking: the title; the relevance line, tags, topics
and original title; the summary; the body. The query is stemmed the same way
and sent to FTS5 as quoted terms only, so no operator a reader types (NEAR,
``*``, ``^``, quotes, parentheses) ever reaches FTS5's query syntax.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from newsroom.languages import LANGUAGE_CODES

from . import text

COLUMNS = ("title", "extra", "summary", "body")
WEIGHTS = (10.0, 4.0, 2.0, 1.0)


def table(lang):
    if lang not in LANGUAGE_CODES:  # only known codes are ever formatted into SQL
        raise ValueError(lang)
    return f"articles_search_{lang}"


def fts_query(query, lang):
    """An FTS5 query that needs every stem of ``query``; "" when it has no words."""
    # Stems are letters and digits only (text.WORD), so quoting them is enough.
    return " AND ".join(f'"{term}"' for term in text.query_stems(query, lang))


def search(updates, query, lang):
    match = fts_query(query, lang)
    if not match:
        return updates.none()
    name = table(lang)
    article_table = updates.model._meta.db_table
    found = RawSQL(  # noqa: S611  (table names from LANGUAGE_CODES; the query is a parameter)
        f'"{article_table}"."id" IN (SELECT rowid FROM {name} WHERE {name} MATCH %s)',  # noqa: S608
        [match],
        output_field=BooleanField(),
    )
    weights = ", ".join(str(weight) for weight in WEIGHTS)
    rank = RawSQL(  # noqa: S611
        f"(SELECT bm25({name}, {weights}) FROM {name} "  # noqa: S608
        f'WHERE {name} MATCH %s AND rowid = "{article_table}"."id")',
        [match],
        output_field=FloatField(),
    )
    # bm25() is lower for better matches.
    return updates.filter(found).annotate(rank=rank).order_by("rank", "-publish_at", "pk")


def document(article, lang):
    """The four stemmed columns for ``article`` in ``lang``, or None when it has no text."""

    def field(name):
        return getattr(article, f"{name}_{lang}", "") or ""

    extra = [
        field("relevance"),
        *(getattr(tag, f"name_{lang}", "") or tag.name for tag in article.tags.all()),
        *(getattr(topic, f"name_{lang}", "") or topic.name for topic in article.topics.all()),
        article.original_title,
    ]
    columns = (
        field("title"),
        " ".join(part for part in extra if part),
        field("summary"),
        text.plain_text(field("body")),
    )
    if not any(columns):
        return None
    return tuple(text.stems(column, lang) for column in columns)


def index_updates(ids, *, model=None):
    """Re-index these updates in every language (``model``: a migration's historical one)."""
    if model is None:
        from newsroom.articles.models import Article as model

    ids = list(ids)
    articles = model.objects.filter(pk__in=ids).prefetch_related("tags", "topics")
    placeholders = ", ".join(["%s"] * (1 + len(COLUMNS)))
    with connection.cursor() as cursor:
        for lang in LANGUAGE_CODES:
            name = table(lang)
            cursor.executemany(f"DELETE FROM {name} WHERE rowid = %s", [(pk,) for pk in ids])  # noqa: S608
            rows = []
            for article in articles:
                columns = document(article, lang)
                if columns is not None:
                    rows.append((article.pk, *columns))
            cursor.executemany(
                f"INSERT INTO {name} (rowid, {', '.join(COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
                rows,
            )


def clear_index():
    with connection.cursor() as cursor:
        for lang in LANGUAGE_CODES:
            cursor.execute(f"DELETE FROM {table(lang)}")  # noqa: S608
