"""Search on PostgreSQL: the generated ``search_<lang>`` tsvector columns (GIN-indexed; title,
relevance line, summary, body and original title, from migrations 0003 and 0004) with the
language's text search configuration, plus the names of the update's tags and topics in that
language. Ranked with ``ts_rank_cd``; ``ts_headline`` marks the matches.
"""

import functools
import re

from django.db import connection
from django.db.models import FloatField, TextField
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
    names = f"to_tsvector(%s::regconfig, coalesce(name_{lang}, ''))"
    # One id list from the indexed vectors and the (small) tag and topic tables; a UNION
    # keeps the GIN index usable for the update text. Used as ``pk__in``, so Django
    # qualifies the column with whatever alias the (sub)query gives the table: a
    # hand-written "articles_article"."id" here made PostgreSQL re-run the whole
    # subquery once per row when this queryset was nested (2 s at 10,000 updates).
    matching_ids = RawSQL(  # noqa: S611  (column names from LANGUAGE_CODES; text is a parameter)
        f"SELECT id FROM articles_article WHERE {column} @@ {query_sql} "  # noqa: S608
        "UNION SELECT ta.content_object_id FROM articles_taggedarticle ta "
        f"JOIN articles_tag ON articles_tag.id = ta.tag_id WHERE {names} @@ {query_sql} "
        "UNION SELECT at.article_id FROM articles_article_topics at "
        f"JOIN articles_topic ON articles_topic.id = at.topic_id WHERE {names} @@ {query_sql}",
        [tsquery, config, tsquery, config, tsquery],
    )
    rank = RawSQL(f"ts_rank_cd({column}, {query_sql})", [tsquery], output_field=FloatField())  # noqa: S611
    # Only the newest matches are ranked (ts_rank_cd reads each vector): a common word costs
    # what a rare one does, however many updates there are. One more than is shown lets
    # the page say "more than MAX_RESULTS" (docs/performance.md).
    newest = updates.filter(pk__in=matching_ids).order_by("-publish_at", "-pk").values("pk")
    return (
        updates.filter(pk__in=newest[: text_module.MAX_RESULTS + 1])
        .annotate(rank=rank)
        .order_by("-rank", "-publish_at", "-pk")
    )


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
