"""Making outside text safe to keep: canonical URLs, sanitised HTML, plain text.

Every value leaves here without control characters, and markup reaches the sanitiser
only bounded in size and depth (``newsroom.text``).
"""

import html
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

import nh3

from newsroom.text import CONTROL_CHARACTERS, bounded_markup, strip_control_characters

# What a cached copy of an original may contain: structure and links, nothing
# that runs, loads or styles (no script, iframe, img, style, on* handlers).
ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan", "rowspan"}}
URL_SCHEMES = {"http", "https", "mailto"}
TRACKING_PREFIXES = ("utm_",)
_WHITESPACE = re.compile(r"\s+")


def normalise_url(url, base=""):
    """The canonical form of an http(s) URL: absolute, lower-case scheme and host, no
    default port, no fragment, no ``utm_*`` parameters. Anything else gives ""."""
    url = (url or "").strip()
    if not url or CONTROL_CHARACTERS.search(url):
        return ""
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in {"http", "https"} or not host:
        return ""
    if ":" in host:
        host = f"[{host}]"
    default_port = 443 if scheme == "https" else 80
    netloc = host if port in (None, default_port) else f"{host}:{port}"
    # Filter the raw query so the parameters that stay keep their exact spelling.
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not pair.split("=", 1)[0].lower().startswith(TRACKING_PREFIXES)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def clean_html(markup, *, base_url=""):
    """Sanitised HTML with every link made absolute against ``base_url``."""

    def absolute_links(tag, attribute, value):
        if attribute != "href":
            return value
        value = value.strip()
        if not value:
            return None
        url = urljoin(base_url, value) if base_url else value
        if urlsplit(url).scheme.lower() not in URL_SCHEMES:
            return None
        return url

    return nh3.clean(
        bounded_markup(strip_control_characters(markup or "")),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=absolute_links,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def plain_text(markup, *, limit=None):
    """The readable text of a fragment of HTML, whitespace collapsed, optionally shortened
    at a word boundary."""
    markup = bounded_markup(strip_control_characters(markup or ""))
    # Unescaping can bring back a control character written as an entity (&#1;).
    text = strip_control_characters(html.unescape(nh3.clean(markup, tags=set(), attributes={})))
    text = _WHITESPACE.sub(" ", text).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"
    return text


def one_line(text, *, limit):
    """Plain text that must fit a single-line field of ``limit`` characters."""
    text = _WHITESPACE.sub(" ", strip_control_characters(text or "")).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
