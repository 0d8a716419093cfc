"""Search on PostgreSQL: the generated ``search_<lang>`` tsvector columns (GIN-indexed; title,
relevance line, summary, body and original title, from migrations 0003 and 0004) with the
language's text search configuration, plus the names of the update's tags and topics in that
language. Ranked with ``ts_rank_cd``; ``ts_headline`` marks the matches.
"""

import functools
import re

from django.db import connection
from django.db.models import BooleanField, FloatField, TextField
from django.db.models.expressions import RawSQL
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from newsroom.languages import LANGUAGE_CODES, info

from . import text as text_module

# ts_headline marks matches with these; they cannot occur in cleaned text, so the
# fragment can be escaped as a whole and the marks turned into <mark> afterwards.
START, STOP = "\x02", "\x03"
HEADLINE_OPTIONS = f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MaxWords=30, MinWords=12"
CONSONANT_END = re.compile(r"'([^':]*?)([bcfghjlmnpqrsvwxz])\2?'")
# Text search configurations whose stemmer leaves doubled final consonants in place.
LOOSEN_DOUBLING = {"dutch"}


def _loosen_doubled_consonants(tsquery_text):
    """Let a Dutch stem match with and without a doubled final consonant.

    The Dutch snowball stemmer undoubles only k, d and t, so "partnerschappen"
    stems to "partnerschapp" while "partnerschap" stays as it is; both forms
    of each stem are searched.
    """

    def both(match):
        stem, last = match.groups()
        return f"('{stem}{last}' | '{stem}{last}{last}')"

    return CONSONANT_END.sub(both, tsquery_text)


@functools.lru_cache(maxsize=512)
def _tsquery(query, config):
    """PostgreSQL's parse of ``query`` (a pure function of its inputs: kept per process)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [config, query])
        text = cursor.fetchone()[0]
    if config in LOOSEN_DOUBLING:
        text = _loosen_doubled_consonants(text)
    return text


def _prepare(query, lang):
    if lang not in LANGUAGE_CODES:  # only known codes are ever formatted into SQL
        raise ValueError(lang)
    config = info(lang).search_config
    return config, _tsquery(query, config)


def search(updates, query, lang):
    config, tsquery = _prepare(query, lang)
    if not tsquery:
        return updates.none()
    column = f"search_{lang}"
    query_sql = "to_tsquery('simple', %s)"
    rank = RawSQL(f"ts_rank_cd({column}, {query_sql})", [tsquery], output_field=FloatField())  # noqa: S611
    return (
        updates.filter(pk__in=_newest_matches(updates, config, tsquery, column))
        .annotate(rank=rank)
        .order_by("-rank", "-publish_at", "-pk")
    )


def _newest_matches(updates, config, tsquery, column):
    """The ids of the newest MAX_RESULTS + 1 updates in ``updates`` whose text, or one of
    whose tag or topic names, matches: only these are ranked (``ts_rank_cd`` reads each
    vector), so a common word costs what a rare one does, however many updates there are;
    one more than is shown lets the page say "more than MAX_RESULTS".

    Each way of matching is its own ``LIMIT``-ed query, which PostgreSQL plans well: for a
    common word it walks ``publish_at`` backwards and stops at the limit, for a rare one
    it reads the GIN index. (One query with an OR, or a UNION of every match, read the
    whole matching set: 380 ms at 100,000 updates, three times per page.)
    """
    from newsroom.articles.models import Article, TaggedArticle

    limit = text_module.MAX_RESULTS + 1
    newest = ("-publish_at", "-pk")
    text_match = RawSQL(  # noqa: S611  (column from LANGUAGE_CODES; the query is a parameter)
        f"{column} @@ to_tsquery('simple', %s)", [tsquery], output_field=BooleanField()
    )
    branches = [updates.filter(text_match)]
    tag_ids, topic_ids = _matching_names(config, tsquery, column.removeprefix("search_"))
    if tag_ids:
        tagged = TaggedArticle.objects.filter(tag_id__in=tag_ids).values("content_object_id")
        branches.append(updates.filter(pk__in=tagged))
    if topic_ids:
        on_topic = Article.topics.through.objects.filter(topic_id__in=topic_ids)
        branches.append(updates.filter(pk__in=on_topic.values("article_id")))
    found = set()
    for branch in branches:
        found.update(branch.order_by(*newest).values_list("publish_at", "pk")[:limit])
    return [pk for _published, pk in sorted(found, reverse=True)[:limit]]


def _matching_names(config, tsquery, lang):
    """(tag ids, topic ids) whose name in ``lang`` matches: two small tables, one query."""
    names = f"to_tsvector(%s::regconfig, coalesce(name_{lang}, '')) @@ to_tsquery('simple', %s)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 'tag', id FROM articles_tag WHERE {names} "  # noqa: S608 (lang is a known code)
            f"UNION ALL SELECT 'topic', id FROM articles_topic WHERE {names}",
            [config, tsquery, config, tsquery],
        )
        rows = cursor.fetchall()
    return [pk for kind, pk in rows if kind == "tag"], [pk for kind, pk in rows if kind == "topic"]


def headlines(articles, query, lang):
    """{id: safe HTML snippet with <mark>s} for one page of results (``ts_headline`` is
    costly: it is never run for more than the page shows)."""
    config, tsquery = _prepare(query, lang)
    ids = [article.pk for article in articles]
    if not tsquery or not ids:
        return {}
    text = f"coalesce(summary_{lang}, '') || ' ' || coalesce(body_{lang}, '')"
    headline = RawSQL(  # noqa: S611
        f"ts_headline(%s::regconfig, {text}, to_tsquery('simple', %s), %s)",
        [config, tsquery, HEADLINE_OPTIONS],
        output_field=TextField(),
    )
    from newsroom.articles.models import Article

    rows = Article.objects.filter(pk__in=ids).annotate(headline=headline)
    return {pk: highlight(fragment) for pk, fragment in rows.values_list("pk", "headline")}


def highlight(fragment):
    text = escape(strip_tags(fragment or ""))
    return mark_safe(text.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308
