"""RSS 2.0 and Atom feeds per language, for all updates, a topic and a tag.

Each item carries the relevance line, the quick editorial signal and the
summary, in the feed's language; the items follow the same reading policy as
the pages (``Article.objects.for_readers_in``).
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.text import strip_control_characters

from .models import Article, Tag, Topic

FEED_SIZE = 30


def _clean(value):
    """XML 1.0 cannot carry control characters (Django refuses to write them): a value
    stored with one, by whatever path, is written without it instead of failing the feed."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    return value


class _Cleaning:
    def __init__(self, *args, **kwargs):
        super().__init__(*map(_clean, args), **{k: _clean(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_clean, args), **{k: _clean(v) for k, v in kwargs.items()})


class CleanRssFeed(_Cleaning, Rss201rev2Feed):
    pass


class CleanAtomFeed(_Cleaning, Atom1Feed):
    pass


def _text(obj, name):
    return getattr(obj, f"{name}_{get_language()}", "") or ""


class UpdatesRss(Feed):
    feed_type = CleanRssFeed

    def title(self, obj=None):
        return _("Newsroom: latest updates")

    def description(self, obj=None):
        return _("Updates in AI for people who build with AI tools, APIs and coding agents.")

    def link(self, obj=None):
        return reverse("articles:home")

    def feed_url(self, obj=None):
        return reverse("articles:feed_rss")

    def updates(self, obj):
        return Article.objects.for_readers_in(get_language()).for_listing()

    def items(self, obj=None):
        return self.updates(obj)[:FEED_SIZE]

    def item_title(self, item):
        return _text(item, "title")

    def item_description(self, item):
        signals = [_text(s, "text") for s in item.signals.all()]
        parts = [format_html("<p><em>{}</em></p>", _text(item, "relevance"))]
        if signals:
            parts.append(
                format_html(
                    "<p><strong>{}</strong></p><ul>{}</ul>",
                    _("Quick editorial signal"),
                    format_html_join("", "<li>{}</li>", ((s,) for s in signals if s)),
                )
            )
        if _text(item, "summary"):
            parts.append(format_html("<p>{}</p>", _text(item, "summary")))
        return "".join(parts)

    def item_link(self, item):
        return item.get_absolute_url(get_language())

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class UpdatesAtom(UpdatesRss):
    feed_type = CleanAtomFeed
    subtitle = UpdatesRss.description

    def feed_url(self, obj=None):
        return reverse("articles:feed_atom")


class TopicRss(UpdatesRss):
    kind = "topic"

    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj=None):
        return _("Newsroom: %(name)s") % {"name": obj.name}

    def link(self, obj=None):
        return reverse(f"articles:{self.kind}", kwargs={"slug": obj.slug})

    def feed_url(self, obj=None):
        return reverse(f"articles:{self.kind}_feed_rss", kwargs={"slug": obj.slug})

    def updates(self, obj):
        return super().updates(obj).filter(topics=obj)


class TopicAtom(TopicRss):
    feed_type = CleanAtomFeed
    subtitle = UpdatesRss.description

    def feed_url(self, obj=None):
        return reverse(f"articles:{self.kind}_feed_atom", kwargs={"slug": obj.slug})


class TagRss(TopicRss):
    kind = "tag"

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def updates(self, obj):
        return UpdatesRss.updates(self, obj).filter(tags=obj)


class TagAtom(TagRss):
    feed_type = CleanAtomFeed
    subtitle = UpdatesRss.description

    def feed_url(self, obj=None):
        return reverse(f"articles:{self.kind}_feed_atom", kwargs={"slug": obj.slug})
