"""sitemap.xml: every update in each language it really exists in, with hreflang alternates
and x-default, plus the home page and the topic pages in both languages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from newsroom.languages import LANGUAGE_CODES

from .models import Article, Topic


class UpdateSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().order_by("-publish_at", "pk")

    def get_languages_for_item(self, item):
        return [lang for lang in LANGUAGE_CODES if item.reads_in(lang)]

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"

    def items(self):
        topics = Topic.objects.filter(articles__in=Article.objects.published()).distinct()
        return [("articles:home", None), ("articles:list", None)] + [
            ("articles:topic", topic.slug) for topic in topics.order_by("slug")
        ]

    def location(self, item):
        name, slug = item
        return reverse(name, kwargs={"slug": slug} if slug else None)


SITEMAPS = {"updates": UpdateSitemap, "sections": SectionSitemap}
