"""Cleaning text that comes from outside before it is stored, rendered or sanitised.

Used by ingest (feeds, Markdown), the admin forms of sources, topics and tags, the
public feeds (on output) and the query-parameter middleware, so every path in strips
the same characters and every sanitiser call is bounded the same way.
"""

import re

# C0 control characters except tab, line feed and carriage return: XML 1.0 cannot carry
# them (a feed with one fails to render) and no reader or editor means to type them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# html5ever (inside nh3) slows down with the square of the nesting depth: 64k nested
# <div>s cost minutes. No real article nests more than a few dozen levels.
MAX_MARKUP_DEPTH = 256
MAX_MARKUP_LENGTH = 2_000_000  # characters; a feed is capped at 5 MB before this
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*+)[^<>]*?(/?)>")
_ANY_TAG = re.compile(r"<[^<>]*>")
# Python-Markdown's time grows with the cube of list nesting (400 levels: seconds, 2,000:
# minutes) and it recurses once per level; real posts nest a handful of levels.
MAX_MARKDOWN_INDENT = 64  # columns of indentation before a list marker
MAX_MARKDOWN_QUOTES = 32  # levels of > quoting
_LIST_LINE = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)", re.MULTILINE)
_QUOTE_PREFIX = re.compile(rf"^[ \t]*(?:>[ \t]*){{{MAX_MARKDOWN_QUOTES + 1},}}", re.MULTILINE)
# Elements that never nest (void) or that the parser closes by itself when the next one
# opens (an unclosed <p> or <li> does not deepen the tree): not counted.
NOT_NESTING = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th"),
        *("thead", "tbody", "tfoot", "caption", "colgroup", "option", "optgroup"),
        *("rb", "rt", "rp"),
    }
)


def strip_control_characters(text: str) -> str:
    """``text`` without U+0000–U+001F, except tab, newline and carriage return."""
    if not text:
        return text
    return CONTROL_CHARACTERS.sub("", text)


def markup_depth(markup: str) -> int:
    """An upper bound of how deeply ``markup``'s elements nest (one linear scan).

    A closing tag closes only the element it names when that one is innermost: the HTML
    parser ignores a stray ``</span>`` with no span open, so counting every closing tag
    let ``<div></span>`` repeated nest without being seen. Mismatched markup therefore
    counts deeper than a browser would build it, never shallower.
    """
    open_names, deepest = [], 0
    for match in _TAG.finditer(markup or ""):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in NOT_NESTING:
            continue
        if closing:
            if open_names and open_names[-1] == name:
                open_names.pop()
        elif not self_closing:
            open_names.append(name)
            deepest = max(deepest, len(open_names))
    return deepest


def is_too_complex(markup: str) -> bool:
    """Whether ``markup`` is too long or nests too deeply to hand to the sanitiser."""
    markup = markup or ""
    return len(markup) > MAX_MARKUP_LENGTH or markup_depth(markup) > MAX_MARKUP_DEPTH


def bounded_markup(markup: str) -> str:
    """``markup`` as it is when the sanitiser can take it in bounded time; otherwise cut
    to ``MAX_MARKUP_LENGTH`` and, if still nested too deeply, flattened to its text
    (every tag removed, stray ``<`` escaped), so the sanitiser's work stays linear."""
    markup = markup or ""
    if len(markup) > MAX_MARKUP_LENGTH:
        markup = markup[:MAX_MARKUP_LENGTH]
    if markup_depth(markup) > MAX_MARKUP_DEPTH:
        markup = _ANY_TAG.sub(" ", markup).replace("<", "&lt;")
    return markup


def markdown_too_deep(text: str) -> bool:
    """Whether Markdown ``text`` nests lists or quotes deeper than anyone writes (and
    than Python-Markdown handles in reasonable time)."""
    text = text or ""
    if _QUOTE_PREFIX.search(text):
        return True
    return any(
        len(match.group(1).expandtabs(4)) > MAX_MARKDOWN_INDENT
        for match in _LIST_LINE.finditer(text)
    )
