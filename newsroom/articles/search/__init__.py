"""Search over updates in the reader's language: one entry point, a backend per database.

``Article.objects.search(query, lang)`` (or ``search(updates, query, lang)`` on
any QuerySet of updates) finds, ranks and returns updates; ``with_highlights``
adds a safe HTML snippet per result.

- ``postgres``: generated, GIN-indexed tsvector columns with the language's text
  search configuration (migrations 0003 and 0004); PostgreSQL keeps them current.
- ``sqlite``: FTS5 tables of Snowball stems (migration 0004); ``index_updates``
  keeps them in step with every write (``sync`` calls it), ``rebuild_search_index``
  rebuilds them.
- ``text``: query cleaning, stemming and snippets, shared by both.

Backends import ``text``; nothing imports a backend but this module.
"""

from django.db import connection

from . import postgres, sqlite
from .text import clean_query, is_too_long, plain_text, snippet

__all__ = ["clean_query", "index_updates", "is_too_long", "rebuild_index", "search"]


def _uses_fts5():
    return connection.vendor == "sqlite"


def search(updates, query, lang):
    """``updates`` that match ``query`` in ``lang``, best first (``.rank`` set)."""
    if connection.vendor == "postgresql":
        return postgres.search(updates, query, lang)
    if _uses_fts5():
        return sqlite.search(updates, query, lang)
    return updates.none()


def with_highlights(results, query, lang):
    """[(update, safe HTML snippet)] for a page of results."""
    if connection.vendor == "postgresql":
        marked = postgres.headlines(results, query, lang)
        return [(article, marked.get(article.pk, "")) for article in results]
    return [(article, _snippet(article, query, lang)) for article in results]


def _snippet(article, query, lang):
    from newsroom.articles.rendering import render_markdown

    summary = getattr(article, f"summary_{lang}", "") or ""
    body = plain_text(render_markdown(getattr(article, f"body_{lang}", "") or ""))
    return snippet(" ".join(filter(None, (summary, body))), query, lang)


def index_updates(ids):
    """Bring the search index up to date for the updates with these ids (SQLite only;
    PostgreSQL's generated columns need nothing). Deleted ids leave the index."""
    if _uses_fts5() and ids:
        sqlite.index_updates(ids)


def rebuild_index(batch_size=500):
    """Index every update afresh; returns how many were indexed."""
    from newsroom.articles.models import Article

    if not _uses_fts5():
        return 0
    sqlite.clear_index()
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        sqlite.index_updates(ids[start : start + batch_size])
    return len(ids)
