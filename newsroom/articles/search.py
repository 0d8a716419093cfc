"""Search over updates in the reader's language.

On PostgreSQL: full-text search on the generated ``search_<lang>`` tsvector
columns (GIN-indexed, created by migration 0003) with the language's text
search configuration from ``newsroom.languages``, ranked, with highlighted
fragments from ``ts_headline``. On SQLite: every word must appear in the
title, relevance line, summary or body; highlights are made in Python.

Queries are cleaned first (control characters dropped, length capped), so
odd input gives a page, never an error.
"""

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, TextField
from django.db.models.expressions import RawSQL
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from newsroom.languages import info

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
FIELDS = ("title", "relevance", "summary", "body")
SNIPPET_CHARS = 220
# ts_headline marks matches with these; they cannot occur in cleaned text, so the
# fragment can be escaped as a whole and the marks turned into <mark> afterwards.
START, STOP = "\x02", "\x03"
HEADLINE_OPTIONS = f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MaxWords=30, MinWords=12"
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
CONSONANT_END = re.compile(r"'([^':]*?)([bcfghjlmnpqrsvwxz])\2?'")
# Text search configurations whose stemmer leaves doubled final consonants in place.
LOOSEN_DOUBLING = {"dutch"}


def is_too_long(raw):
    return len(raw.strip()) > MAX_QUERY_LENGTH


def clean_query(raw):
    text = CONTROL.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(updates, query, lang):
    if connection.vendor == "postgresql":
        return _search_postgres(updates, query, lang)
    return _search_simple(updates, query, lang)


def with_highlights(results, query, lang):
    """[(update, safe HTML fragment)] for a page of results."""
    if connection.vendor == "postgresql":
        return [(a, _marks_to_html(a.headline or "")) for a in results]
    return [(a, _highlight_simple(a, query, lang)) for a in results]


# PostgreSQL ---------------------------------------------------------------


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


def _tsquery(query, config):
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [config, query])
        text = cursor.fetchone()[0]
    if config in LOOSEN_DOUBLING:
        text = _loosen_doubled_consonants(text)
    return text


def _search_postgres(updates, query, lang):
    config = info(lang).search_config
    tsquery = _tsquery(query, config)
    if not tsquery:
        return updates.none()
    # Only column names are formatted into the SQL (lang is one of settings.LANGUAGES);
    # the query text is always a parameter.
    column = f"search_{lang}"  # generated in migration 0003
    text = f"coalesce(summary_{lang}, '') || ' ' || coalesce(body_{lang}, '')"
    query_sql = "to_tsquery('simple', %s)"
    matches = RawSQL(f"{column} @@ {query_sql}", [tsquery], output_field=BooleanField())  # noqa: S611
    rank = RawSQL(f"ts_rank_cd({column}, {query_sql})", [tsquery], output_field=FloatField())  # noqa: S611
    headline = RawSQL(  # noqa: S611
        f"ts_headline(%s::regconfig, {text}, {query_sql}, %s)",
        [config, tsquery, HEADLINE_OPTIONS],
        output_field=TextField(),
    )
    return (
        updates.filter(matches)
        .annotate(rank=rank, headline=headline)
        .order_by("-rank", "-publish_at", "pk")
    )


def _marks_to_html(fragment):
    text = escape(strip_tags(fragment))
    return mark_safe(text.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


# SQLite and others ----------------------------------------------------------


def _words(query):
    return [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1][:MAX_WORDS]


def _search_simple(updates, query, lang):
    words = _words(query)
    if not words:
        return updates.none()
    for word in words:
        anywhere = Q()
        for name in FIELDS:
            anywhere |= Q(**{f"{name}_{lang}__icontains": word})
        updates = updates.filter(anywhere)
    return updates.order_by("-publish_at", "pk")


def _highlight_simple(article, query, lang):
    text = " ".join(
        filter(None, (getattr(article, f"{name}_{lang}") for name in ("summary", "body")))
    )
    text = " ".join(strip_tags(text).split())
    words = _words(query)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.I) if words else None
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - SNIPPET_CHARS // 3) if first else 0
    snippet = text[start : start + SNIPPET_CHARS]
    html = escape(snippet)
    if pattern:
        html = re.sub(
            "|".join(re.escape(escape(w)) for w in words),
            lambda m: f"<mark>{m.group()}</mark>",
            html,
            flags=re.I,
        )
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308  (escaped above)
