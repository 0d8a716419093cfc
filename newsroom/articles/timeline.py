"""The story thread of an update, as readers see it: every linked update, oldest first.

Imports only models; ``views.py`` (and the admin preview through it) use it.
"""

from django.db import connection

from .models import Article, StoryLink


def _text(obj, name, lang):
    return getattr(obj, f"{name}_{lang}", "") or ""


# A thread is followed this far at most (a thread is a handful of updates; the bound only
# keeps a runaway chain from costing more than a page should).
MAX_THREAD = 500


def story_links(article):
    """The updates in ``article``'s story thread (linked to it directly or through others),
    and how each directly linked one relates to it: ``(ids, {pk: label})``.

    One query whatever the thread's length or the number of updates: the thread is followed
    in the database (a recursive query over the links' indexes, with the update's own links
    for their labels) rather than by reading every link, which grew with the site (33 ms
    at 100,000 updates).
    """
    table = StoryLink._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE thread(id) AS (
                SELECT CAST(%s AS BIGINT)
                UNION
                SELECT CASE WHEN link.from_article_id = thread.id
                            THEN link.to_article_id ELSE link.from_article_id END
                FROM {table} link
                JOIN thread ON link.from_article_id = thread.id OR link.to_article_id = thread.id
            ), bounded AS (SELECT id FROM thread LIMIT %s)
            SELECT id, NULL, NULL, NULL FROM bounded
            UNION ALL
            SELECT NULL, from_article_id, to_article_id, kind FROM {table}
            WHERE from_article_id = %s OR to_article_id = %s
            """,  # noqa: S608 (the table name is the model's)
            [article.pk, MAX_THREAD + 1, article.pk, article.pk],
        )
        rows = cursor.fetchall()
    ids = {pk for pk, *_link in rows if pk is not None} - {article.pk}
    labels = {}
    for _pk, source, target, kind in rows:
        if kind is None:
            continue
        if source == article.pk:
            labels[target] = StoryLink.Kind(kind).label
        else:
            labels[source] = StoryLink.INVERSE_LABELS[kind]
    return ids, labels


def story_timeline(article, lang, shown_language):
    """The whole story thread, oldest first, with this update marked and each one labelled
    by how it links to this one (when it does directly)."""
    ids, labels = story_links(article)
    others = list(Article.objects.for_readers_in(lang).filter(pk__in=ids)) if ids else []
    if not others:
        return []
    entries = [
        {
            "article": other,
            "label": labels.get(other.pk, ""),
            "title": _text(other, "title", lang),
            "teaser": _text(other, "relevance", lang) or _text(other, "summary", lang),
            "current": False,
        }
        for other in others
    ]
    shown = shown_language
    entries.append(
        {
            "article": article,
            "label": "",
            "title": _text(article, "title", shown) or article.title_in(article.source_language),
            "teaser": "",
            "current": True,
        }
    )
    # An unpublished update (a preview) sorts as the newest.
    return sorted(
        entries,
        key=lambda e: (e["article"].publish_at is None, e["article"].publish_at or 0),
    )
