"""Words, stems and snippets: the language-aware text handling both backends share.

Pure functions on strings; no database access. ``stems`` turns text into the
Snowball stems the SQLite index stores and queries; ``snippet`` cuts a
readable fragment around the matches at word boundaries and marks them.
"""

import html
import re
from functools import cache

import snowballstemmer
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from newsroom.languages import info

MAX_QUERY_LENGTH = 200
# Result pages end here, and on PostgreSQL only the newest this many matches are ranked.
MAX_RESULTS = 500
MAX_WORDS = 10
SNIPPET_WORDS = 36
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Letters and digits; underscores and punctuation separate words, as in SQLite's unicode61.
WORD = re.compile(r"[^\W_]+")
DOUBLED_END = re.compile(r"([^aeiouy])\1$")


def is_too_long(raw):
    return len((raw or "").strip()) > MAX_QUERY_LENGTH


def clean_query(raw):
    text = CONTROL.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


@cache
def _stemmer(lang):
    return snowballstemmer.stemmer(info(lang).stemmer)


def stem(word, lang):
    """The index form of one word in ``lang``: lower case, Snowball-stemmed."""
    result = _stemmer(lang).stemWord(word.lower())
    if info(lang).undouble_stems:
        result = DOUBLED_END.sub(r"\1", result)
    return result


def stems(text, lang):
    """``text`` as a space-separated string of stems (what the SQLite index stores)."""
    return " ".join(stem(word, lang) for word in WORD.findall(text or ""))


def query_stems(query, lang):
    """The distinct stems of a search query, in order, at most ``MAX_WORDS``."""
    found = []
    for word in WORD.findall(clean_query(query)):
        term = stem(word, lang)
        if term not in found:
            found.append(term)
    return found[:MAX_WORDS]


def plain_text(markup):
    """Readable text of an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(str(markup or ""))).split())


def snippet(text, query, lang, *, size=SNIPPET_WORDS):
    """Safe HTML: about ``size`` words of ``text`` around the first matches, cut at word
    boundaries, with every word whose stem the query asks for in ``<mark>``."""
    wanted = set(query_stems(query, lang))
    words = list(WORD.finditer(text))
    if not words:
        return mark_safe("")  # noqa: S308  (empty)
    hits = [i for i, match in enumerate(words) if stem(match.group(), lang) in wanted]
    first = max(0, hits[0] - size // 4) if hits else 0
    last = min(len(words), first + size)
    first = max(0, min(first, last - size))
    start = words[first].start()
    end = words[last - 1].end()
    hit_set = set(hits)
    parts, position = [], start
    for index in range(first, last):
        match = words[index]
        parts.append(escape(text[position : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if index in hit_set else word)
        position = match.end()
    if last < len(words):
        # Keep closing punctuation right after the last word ("agents." not "agents …").
        tail = re.match(r"[^\s\w]*", text[end:]).group()
        parts.append(escape(tail))
    prefix = "… " if start > 0 else ""
    suffix = " …" if last < len(words) else escape(text[position:].strip())
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308  (every piece escaped)
