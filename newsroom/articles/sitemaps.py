"""The sitemap: an index (``/sitemap.xml``) of sections of at most ``SECTION_SIZE`` URLs.

Every update is listed in each language readers get it in (``for_readers_in``), with
hreflang alternates and x-default, plus the home, list and topic pages in both languages.

The update section never holds every update in memory: its pages are (update, language)
pairs read a slice at a time (``ReaderPairs``), with only the columns a URL needs, and
each address is the language's update prefix plus the slug (one ``reverse`` per language
and response instead of one per URL).
"""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from newsroom.languages import LANGUAGE_CODES

from .models import Article, Topic

# Sitemaps may hold 50,000 URLs; rendering one URL with its alternates costs about 0.1 ms,
# so sections of 1,000 keep each response near 100 ms at any depth (docs/performance.md).
SECTION_SIZE = 1_000
# What a sitemap URL needs: the address in each language, the languages and lastmod.
URL_COLUMNS = ("pk", "slug_en", "slug_nl", "source_language", "translation_state", "updated_at")


class ReaderPairs:
    """(update, language) for every language each published update is read in, as a sequence.

    All English pairs, then all Dutch ones, each newest first. ``len`` is one count per
    language; a slice reads only the rows it holds (with ``URL_COLUMNS``).
    """

    def __init__(self):
        self._counts = None

    def _querysets(self):
        for lang in LANGUAGE_CODES:
            readable = Article.objects.for_readers_in(lang).order_by("-publish_at", "-pk")
            yield lang, readable.only(*URL_COLUMNS)

    def counts(self):
        if self._counts is None:
            self._counts = [(lang, qs.count(), qs) for lang, qs in self._querysets()]
        return self._counts

    def __len__(self):
        return sum(count for _lang, count, _qs in self.counts())

    def count(self):
        return len(self)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("ReaderPairs supports slices only")
        start, stop, _step = index.indices(len(self))
        pairs, offset = [], 0
        for lang, count, readable in self.counts():
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                # The ids from the index alone (index-only, however deep the section),
                # then those rows: OFFSET over whole rows cost 93 ms at 100,000 updates.
                ids = list(readable.values_list("pk", flat=True)[low:high])
                rows = readable.order_by().in_bulk(ids)
                pairs.extend((rows[pk], lang) for pk in ids if pk in rows)
            offset += count
        return pairs


class UpdateSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    limit = SECTION_SIZE

    @property
    def paginator(self):
        return Paginator(ReaderPairs(), self.limit)

    @cached_property
    def _prefixes(self):
        """Each language's update address without the slug: "/nl/updates/"."""
        prefixes = {}
        for lang in LANGUAGE_CODES:
            with translation.override(lang):
                prefixes[lang] = reverse("articles:detail", kwargs={"slug": "-"})[:-2]
        return prefixes

    def get_languages_for_item(self, item):
        return [lang for lang in LANGUAGE_CODES if item.reads_in(lang)]

    def location(self, item):
        # Article.get_absolute_url, without a reverse() per URL.
        lang = translation.get_language()
        return f"{self._prefixes[lang]}{item.slug_in(lang) or item.slug_in(item.source_language)}/"

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class SectionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"
    limit = SECTION_SIZE

    def items(self):
        # One probe per topic for its first published update (a handful of topics; a
        # LIMIT 1 subquery stops at the first), not a join over every update's topics
        # (34 ms at 100,000 updates).
        now = timezone.now()
        first_published = Article.topics.through.objects.filter(
            topic_id=OuterRef("pk"),
            article__status=Article.Status.PUBLISHED,
            article__publish_at__lte=now,
        ).values("pk")[:1]
        topics = Topic.objects.annotate(first=Subquery(first_published)).filter(first__isnull=False)
        slugs = topics.order_by("slug").values_list("slug", flat=True)
        return [("articles:home", None), ("articles:list", None)] + [
            ("articles:topic", slug) for slug in slugs
        ]

    def location(self, item):
        name, slug = item
        return reverse(name, kwargs={"slug": slug} if slug else None)


SITEMAPS = {"updates": UpdateSitemap, "sections": SectionSitemap}
