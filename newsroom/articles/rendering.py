"""Turning an update's Markdown body into safe HTML."""

import markdown
import nh3
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

from newsroom.text import bounded_markup, markdown_too_deep

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}}


def render_markdown(text):
    """Markdown to HTML, sanitised: no scripts, no inline handlers, safe link schemes only."""
    if markdown_too_deep(text):
        # Lists or quotes nested hundreds deep would cost Python-Markdown minutes (and
        # recursion): such a body is shown as plain paragraphs instead.
        html = linebreaks(escape(text))
    else:
        html = markdown.markdown(text or "", extensions=["toc", "tables", "sane_lists"])
    clean = nh3.clean(
        bounded_markup(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308  (sanitised by nh3 just above)
