"""Which topics, tags and sources readers of a language have updates under, with counts.

Counting them means reading every readable update, so it is done once per language per
cache generation (``caching.generation``: any change readers can see starts a new one, the
same moment every cached page is retired) and kept in the shared cache. Pages then read
the few taxonomy rows by id.
"""

from django.db.models import Count

from newsroom import sharedcache

from . import caching
from .models import Article, TaggedArticle


def counts(lang):
    """{"topics": {id: n}, "tags": {id: n}, "sources": {id: n}} of updates read in ``lang``."""
    generation = caching.generation()
    if generation is None:  # the cache is unreachable: count without it
        return _count(lang)
    key = f"taxonomy-counts:{lang}:{generation}"
    found = sharedcache.get(key)
    if found is None:
        found = _count(lang)
        sharedcache.set(key, found, caching.page_timeout())
    return found


def _count(lang):
    readable = Article.objects.for_readers_in(lang).order_by()

    def grouped(rows, column, counted):
        return dict(rows.values_list(column).annotate(n=Count(counted)).values_list(column, "n"))

    return {
        "topics": grouped(
            Article.topics.through.objects.filter(article__in=readable), "topic_id", "article_id"
        ),
        "tags": grouped(
            TaggedArticle.objects.filter(content_object__in=readable), "tag_id", "content_object_id"
        ),
        "sources": grouped(readable.exclude(source=None), "source_id", "id"),
    }
