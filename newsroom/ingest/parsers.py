"""Turning a feed (RSS 0.9x/1.0/2.0, Atom) or a Markdown file with YAML front matter
into ``ParsedItem``s: plain, sanitised values the services can store as they are.

Parsing never touches the database. A problem with the whole input raises
``ParseError``; a problem with one item is kept on that item (``error``) or
noted beside it (``notes``), so the rest still imports.
"""

import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import feedparser
import markdown
import yaml
from django.utils.translation import gettext as _

from newsroom.text import is_too_complex, markdown_too_deep, strip_control_characters

from .cleaning import clean_html, normalise_url, one_line, plain_text
from .fetch import limits, size_text

MAX_ITEMS = 200
SUMMARY_LENGTH = 600
DEFAULT_EXCERPT_SEPARATOR = "<!--excerpt_end-->"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)(.*)\Z", re.DOTALL)


class ParseError(Exception):
    """The input as a whole could not be read; ``str()`` is meant for an editor (kept free
    of control characters: it may quote the input, and it is stored in the import log)."""

    def __init__(self, message):
        super().__init__(strip_control_characters(str(message)))


class _AliasRefused(yaml.YAMLError):
    pass


class FrontMatterLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` without anchors and aliases: front matter never needs them,
    and a few hundred bytes of nested aliases expand to gigabytes (a “billion laughs”)."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AliasRefused
        return super().compose_node(parent, index)


@dataclass
class ParsedItem:
    title: str = ""
    url: str = ""
    guid: str = ""
    published_at: datetime | None = None
    author: str = ""
    summary: str = ""
    content_html: str = ""
    categories: list[str] = field(default_factory=list)
    feed_name: str = ""
    feed_url: str = ""
    excerpt: str = ""
    language: str = ""
    notes: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def label(self):
        return self.title or self.url or self.guid

    def content_hash(self):
        """Changes when anything the importer stores from this item changes."""
        data = [
            self.title,
            self.url,
            self.published_at.isoformat() if self.published_at else "",
            self.author,
            self.summary,
            self.content_html,
            self.categories,
            self.excerpt,
        ]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()


@dataclass
class ParsedFeed:
    title: str = ""
    link: str = ""
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encoding: str = ""


def parse_feed(content, *, url="", content_type=""):
    """Read RSS or Atom ``content`` (bytes) fetched from ``url``."""
    headers = {"content-type": content_type} if content_type else {}
    # Relative links are resolved here, against the channel's link and then the
    # item's own link, rather than against wherever the feed file happens to live.
    result = feedparser.parse(
        io.BytesIO(content), response_headers=headers, resolve_relative_uris=False
    )
    problem = result.get("bozo_exception")
    damaged = problem is not None and not isinstance(
        problem, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType
    )
    if (not result.get("version") or damaged) and not result.entries:
        reason = f" ({_describe(problem)})" if problem else ""
        raise ParseError(
            _("This is not an RSS or Atom feed, or it is too damaged to read%(reason)s.")
            % {"reason": reason}
        )
    feed = ParsedFeed(
        title=plain_text(result.feed.get("title", "")),
        link=normalise_url(result.feed.get("link", ""), url) or url,
        encoding=result.get("encoding", ""),
    )
    if problem is not None:
        if isinstance(problem, feedparser.CharacterEncodingOverride):
            feed.warnings.append(
                _("The feed declared the wrong character encoding; it was read as %(encoding)s.")
                % {"encoding": feed.encoding}
            )
        elif not isinstance(problem, feedparser.NonXMLContentType):
            feed.warnings.append(
                _("The feed is not well-formed (%(reason)s); what could be read was imported.")
                % {"reason": _describe(problem)}
            )
    entries = result.entries
    if len(entries) > MAX_ITEMS:
        feed.warnings.append(
            _("The feed has %(count)d items; only the first %(max)d were read.")
            % {"count": len(entries), "max": MAX_ITEMS}
        )
        entries = entries[:MAX_ITEMS]
    base = feed.link or url
    feed.items = [_parse_entry(entry, base=base, feed=feed) for entry in entries]
    return feed


def _describe(problem):
    text = str(problem).strip() or type(problem).__name__
    return one_line(text, limit=200)


def _parse_entry(entry, *, base, feed):
    item = ParsedItem(feed_name=feed.title, feed_url="")
    item.title = one_line(plain_text(entry.get("title", "")), limit=300)
    item.url = normalise_url(entry.get("link", ""), base)
    item.guid = one_line(entry.get("id", ""), limit=500)
    if not item.url and item.guid.startswith(("http://", "https://")):
        item.url = normalise_url(item.guid)
    item.author = one_line(plain_text(entry.get("author", "")), limit=200)
    item.published_at = _entry_date(entry, item)
    contents = entry.get("content") or []
    summary_html = entry.get("summary", "")
    full_html = max((c.get("value", "") for c in contents), key=len, default="") or summary_html
    link_base = item.url or base
    item.content_html = clean_html(full_html, base_url=link_base)
    item.summary = plain_text(summary_html or full_html, limit=SUMMARY_LENGTH)
    item.categories = _unique(
        (tag.get("label") or tag.get("term") or "") for tag in entry.get("tags", [])
    )
    if not item.title:
        item.notes.append(_("The item has no title."))
    if not item.url:
        item.notes.append(_("The item has no usable link."))
        if not item.guid:
            item.error = _(
                "The item has neither a link nor an id, so a later fetch could not recognise "
                "it; not imported."
            )
    if not item.content_html:
        item.notes.append(_("The item has no text."))
    if is_too_complex(full_html):
        item.notes.append(_too_complex_note())
    return item


def _too_complex_note():
    return _(
        "The item's markup is nested too deeply or is too long; it was shortened or "
        "kept as plain text."
    )


def _entry_date(entry, item):
    # dict.get skips feedparser's deprecated updated→published key mapping (and its warning).
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC)
    raw = dict.get(entry, "published") or dict.get(entry, "updated")
    if raw:
        item.notes.append(
            _("The date “%(date)s” could not be read; the publication date is left empty.")
            % {"date": one_line(raw, limit=60)}
        )
    else:
        item.notes.append(_("The item has no date; the publication date is left empty."))
    return None


def _unique(names):
    seen, result = set(), []
    for name in names:
        name = one_line(plain_text(str(name)), limit=100)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return result


def parse_markdown(text, *, path=""):
    """Read a Markdown post with YAML front matter, shaped like a Jekyll post."""
    text = strip_control_characters(text.lstrip("\ufeff").replace("\r\n", "\n"))
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ParseError(_("%(path)s has no YAML front matter between --- lines.") % {"path": path})
    try:
        meta = yaml.load(match.group(1) or "", Loader=FrontMatterLoader) or {}  # noqa: S506
    except _AliasRefused as error:
        raise ParseError(
            _(
                "The front matter of %(path)s uses YAML anchors or aliases (& or *), which "
                "are not accepted; write each value out."
            )
            % {"path": path}
        ) from error
    except yaml.YAMLError as error:
        raise ParseError(
            _("The front matter of %(path)s is not valid YAML: %(reason)s")
            % {"path": path, "reason": one_line(str(error), limit=200)}
        ) from error
    if not isinstance(meta, dict):
        raise ParseError(_("The front matter of %(path)s is not a set of fields.") % {"path": path})
    body = match.group(2)
    item = ParsedItem(
        title=one_line(plain_text(_text(meta.get("title"))), limit=300),
        url=normalise_url(_text(meta.get("canonical_url"))),
        guid=one_line(_text(meta.get("guid") or meta.get("id")), limit=500),
        author=one_line(plain_text(_text(meta.get("author"))), limit=200),
        feed_name=one_line(plain_text(_text(meta.get("feed_name"))), limit=200),
        feed_url=normalise_url(_text(meta.get("feed_url"))),
        language=_text(meta.get("lang") or meta.get("language")).lower(),
    )
    separator = _text(meta.get("excerpt_separator")) or DEFAULT_EXCERPT_SEPARATOR
    excerpt_md = _text(meta.get("excerpt"))
    if not excerpt_md and separator in body:
        excerpt_md = body.split(separator, 1)[0]
    if markdown_too_deep(body) or markdown_too_deep(excerpt_md):
        raise ParseError(
            _("The text of %(path)s nests lists or quotes too deeply to be read.") % {"path": path}
        )
    item.excerpt = plain_text(_render(excerpt_md))
    body_html = _render(body.replace(separator, "\n\n"))
    item.content_html = clean_html(body_html, base_url=item.url)
    if is_too_complex(body_html):
        item.notes.append(_too_complex_note())
    description = plain_text(_text(meta.get("description")))
    item.summary = one_line(description or item.excerpt, limit=2000)
    item.categories = _unique([*_list(meta.get("categories")), *_list(meta.get("tags"))])
    item.published_at = _front_matter_date(meta.get("date"), item)
    if not item.title:
        item.notes.append(_("The front matter has no title."))
    if not item.url and not item.guid:
        item.error = _(
            "The front matter has no canonical_url (or id), so a later import could not "
            "recognise this post; not imported."
        )
    return item


def read_markdown(path):
    """Parse the Markdown file at ``path``; file problems become ``ParseError``."""
    max_bytes = limits()[1]
    try:
        with open(path, "rb") as handle:
            content = handle.read(max_bytes + 1)
        if len(content) > max_bytes:
            raise ParseError(
                _("%(path)s is larger than %(size)s; not imported.")
                % {"path": path, "size": size_text(max_bytes)}
            )
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParseError(_("%(path)s is not UTF-8 text.") % {"path": path}) from error
    except OSError as error:
        raise ParseError(
            _("Could not read %(path)s: %(reason)s.") % {"path": path, "reason": error.strerror}
        ) from error
    return parse_markdown(text, path=str(path))


def _render(text):
    return markdown.markdown(text or "", extensions=["tables", "sane_lists", "fenced_code"])


def _text(value):
    return "" if value is None else str(value).strip()


def _list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in (p.strip() for p in value.split(",")) if part]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def _front_matter_date(value, item):
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    raw = _text(value)
    if not raw:
        item.notes.append(_("The front matter has no date; the publication date is left empty."))
        return None
    try:
        parsed = datetime.fromisoformat(re.sub(r"\s+([+-]\d\d:?\d\d|Z)$", r"\1", raw))
    except ValueError:
        item.notes.append(
            _("The date “%(date)s” could not be read; the publication date is left empty.")
            % {"date": one_line(raw, limit=60)}
        )
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
