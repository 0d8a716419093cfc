"""Public pages for updates. Views stay thin: reads are QuerySet methods, the <head> is
built in ``pagemeta.py``, caching is ``caching.public_page`` (applied in ``urls.py``)."""

import re

from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import ListView

from newsroom.languages import LANGUAGE_CODES, info

from . import pagemeta, search, taxonomy
from .authors import byline, display_name
from .models import Article, Source, Tag, TaggedArticle, Topic, TranslationState
from .paging import BoundedPaginator
from .rendering import render_markdown
from .timeline import story_timeline

HOME_SIZE = 12
PAGE_SIZE = 20
RELATED_SIZE = 4
# Related updates are ranked among the most recent updates sharing a tag, not all of them.
RELATED_CANDIDATES = 200
# List pages go this deep (250 pages); older updates are under topics, tags, search, feeds.
LIST_MAX_ITEMS = 5_000
WORDS_PER_MINUTE = 200
TOC_MIN_HEADINGS = 3
HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.S)


def _text(obj, name, lang):
    return getattr(obj, f"{name}_{lang}", "") or ""


def content_language(article, lang, *, preview=False):
    """The language the update's text is shown in on a ``lang`` page."""
    if article.reads_in(lang) or (preview and article.title_in(lang)):
        return lang
    return article.source_language


def table_of_contents(body_html):
    headings = [
        {"level": int(level), "id": anchor, "text": strip_tags(text)}
        for level, anchor, text in HEADING.findall(str(body_html))
    ]
    return headings if len(headings) >= TOC_MIN_HEADINGS else []


def reading_minutes(*texts):
    words = sum(len(strip_tags(text).split()) for text in texts)
    return max(1, round(words / WORDS_PER_MINUTE))


def article_text(article, lang, *, preview=False):
    """The update's own text as a reader of ``lang`` gets it: the page and the Word/PDF
    exports both start from this (the exports need nothing else of the page)."""
    shown = content_language(article, lang, preview=preview)
    return {
        "content_lang": shown,
        "is_fallback": shown != lang,
        "title": _text(article, "title", shown) or article.title_in(article.source_language),
        "relevance": _text(article, "relevance", shown),
        "summary": _text(article, "summary", shown),
        "body_html": render_markdown(_text(article, "body", shown)),
        "signals": [text for s in article.signals.all() if (text := _text(s, "text", shown))],
        "corrections": [c for c in article.corrections.all() if c.text],
    }


def article_context(article, lang, *, preview=False):
    """What the update page shows, for the public view and the admin preview alike.

    Needs no request: the admin preview renders drafts with it, in either language.
    """
    text = article_text(article, lang, preview=preview)
    shown, summary, body_html = text["content_lang"], text["summary"], text["body_html"]
    tags = list(article.tags.all())
    tag_ids = [tag.pk for tag in tags]
    timeline = story_timeline(article, lang, shown)
    # Thread, "More from" and related never list the same update twice.
    listed = {entry["article"].pk for entry in timeline} | {article.pk}
    readable = Article.objects.for_readers_in(lang).exclude(pk__in=listed).select_related("source")
    more_from_source = (
        list(readable.filter(source=article.source)[:RELATED_SIZE]) if article.source_id else []
    )
    related = related_updates(
        readable.exclude(pk__in=[update.pk for update in more_from_source]), tag_ids
    )
    is_translation = shown != article.source_language
    meta_description = _text(article, "meta_description", shown) or Truncator(
        summary or strip_tags(body_html)
    ).chars(160)
    return {
        **text,
        "article": article,
        "lang": lang,
        "is_translation": is_translation,
        "translation_outdated": is_translation
        and article.translation_state == TranslationState.OUTDATED,
        "translation_unreviewed": is_translation
        and article.translation_state != TranslationState.REVIEWED
        and article.translation_state != TranslationState.OUTDATED,
        "source_language_name": info(article.source_language).name,
        "translation_reviewer": display_name(article.translation_reviewed_by)
        if is_translation and article.translation_reviewed_by
        else "",
        "source_language_url": article.get_absolute_url(article.source_language),
        "speech_voice": info(shown).speech_voice,
        "preview": preview,
        "article_slug": _own_slug(article, lang),
        "shows_cached_original": not preview and article.shows_cached_original(),
        "meta_description": meta_description,
        "image_alt": _text(article, "image_alt", shown),
        "toc": table_of_contents(body_html),
        "reading_minutes": reading_minutes(summary, body_html),
        "key_points": [text for p in article.key_points.all() if (text := _text(p, "text", shown))],
        "image_credit": _text(article, "image_credit", shown),
        "byline": byline(article),
        "tags": tags,
        "topics": list(article.topics.all()),
        "timeline": timeline,
        "more_from_source": more_from_source,
        "related": related,
    }


def related_updates(readable, tag_ids):
    """Up to RELATED_SIZE updates sharing the most tags, newest first among equals.

    Ranked from the tag links alone (two integers a row, read from an index): the most
    recent RELATED_CANDIDATES readable updates sharing any tag are counted, then only the
    chosen few are read in full.
    """
    if not tag_ids:
        return []
    links = TaggedArticle.objects.filter(tag_id__in=tag_ids)
    candidates = (
        links.filter(content_object__in=readable.order_by().values("pk"))
        .order_by("-content_object_id")
        .values("content_object_id")[:RELATED_CANDIDATES]
    )
    ranked = list(
        links.filter(content_object_id__in=candidates)
        .values("content_object_id")
        .annotate(shared=Count("pk"))
        .order_by("-shared", "-content_object_id")
        .values_list("content_object_id", flat=True)[:RELATED_SIZE]
    )
    # The cards show each one's first signal: read them in one query, not one per card.
    chosen = readable.filter(pk__in=ranked).prefetch_related("signals")
    found = {update.pk: update for update in chosen}
    return [found[pk] for pk in ranked if pk in found]


def _find_published(slug, lang, *, related=True):
    """The published update with ``slug`` in ``lang``, else in any language (``related``:
    with what its page shows; exports need only the row)."""
    published = Article.objects.published()
    if related:
        published = published.select_related("source", "translation_reviewed_by").prefetch_related(
            "signals",
            "key_points",
            "authors",
            "tags",
            "topics",
            "corrections",
        )
    article = published.filter(**{f"slug_{lang}": slug}).first()
    if article is None:
        others = Q()
        for code in LANGUAGE_CODES:
            if code != lang:
                others |= Q(**{f"slug_{code}": slug})
        article = published.filter(others).first()
    return article


def article_detail(request, slug):
    lang = get_language()
    article = _find_published(slug, lang)
    if article is None:
        raise Http404(_("There is no published update at this address."))
    own_url = article.get_absolute_url(lang)
    if own_url != request.path:
        # An old or other-language slug: send the reader to this language's address.
        return redirect(own_url, permanent=True)
    context = article_context(article, lang)
    context["page"] = pagemeta.article_meta(request, article, context)
    return TemplateResponse(request, "articles/article_detail.html", context)


def home(request):
    lang = get_language()
    readable = Article.objects.for_readers_in(lang)
    updates = list(readable.for_listing()[:HOME_SIZE])
    counts = taxonomy.counts(lang)["topics"]
    topics = list(Topic.objects.filter(pk__in=counts).order_by(f"name_{lang}", "slug"))
    for topic in topics:
        topic.update_count = counts[topic.pk]
    context = {
        "updates": updates,
        "topics": topics,
        "page": pagemeta.listing_meta(
            request,
            _("Latest updates"),
            description=_(
                "Updates in AI for people who build with AI tools, APIs and coding agents."
            ),
        ),
    }
    return TemplateResponse(request, "articles/home.html", context)


class UpdateListView(ListView):
    """All updates, or one topic's, tag's or source's (``kind``), filterable by the others."""

    template_name = "articles/article_list.html"
    paginate_by = PAGE_SIZE
    kind = None
    # filter name: (model, lookup on Article)
    FILTERS = {"topic": (Topic, "topics"), "tag": (Tag, "tags"), "source": (Source, "source")}

    def get_filters(self):
        chosen = {}
        if self.kind:
            model, _lookup = self.FILTERS[self.kind]
            chosen[self.kind] = get_object_or_404(model, slug=self.kwargs["slug"])
        for name, (model, _lookup) in self.FILTERS.items():
            value = self.request.GET.get(name, "")[:200]
            if name not in chosen and value:
                chosen[name] = model.objects.filter(slug=value).first() or value
        return chosen

    def get_paginator(self, queryset, per_page, **kwargs):
        return BoundedPaginator(
            queryset,
            per_page,
            max_items=LIST_MAX_ITEMS,
            known_count=self.known_count(),
            **kwargs,
        )

    def known_count(self):
        """How many updates one topic, tag or source has for this language's readers: the
        filter menus' counts (kept per cache generation, like this page) already say, so a
        list filtered by one of them is not counted again (a hash join over the topic's
        links: 20 ms at 100,000 updates). Lists filtered by more than one are counted."""
        if len(self.filters) != 1:
            return None
        ((name, value),) = self.filters.items()
        if isinstance(value, str):
            return None
        return self.counts[f"{name}s"].get(value.pk, 0)

    @cached_property
    def counts(self):
        """The filter menus' taxonomy counts in this language (one cache read a request)."""
        return taxonomy.counts(get_language())

    def get_queryset(self):
        self.filters = self.get_filters()
        updates = Article.objects.for_readers_in(get_language()).for_listing()
        for name, value in self.filters.items():
            if isinstance(value, str):  # an unknown slug: nothing matches
                return updates.none()
            updates = updates.filter(**{self.FILTERS[name][1]: value})
        return updates

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lang = get_language()
        heading, description, feeds = _("All updates"), "", []
        subject = self.filters.get(self.kind) if self.kind else None
        if self.kind == "topic":
            heading = _("Topic: %(name)s") % {"name": subject.name}
            description = _text(subject, "description", lang)
        elif self.kind == "tag":
            heading = _("Tag: %(name)s") % {"name": subject.name}
        elif self.kind == "source":
            heading = _("Updates from %(name)s") % {"name": subject.name}
        if self.kind in ("topic", "tag"):
            feeds = [
                pagemeta.Feed(
                    _("%(name)s (RSS)") % {"name": subject.name},
                    "application/rss+xml",
                    reverse(f"articles:{self.kind}_feed_rss", kwargs={"slug": subject.slug}),
                ),
                pagemeta.Feed(
                    _("%(name)s (Atom)") % {"name": subject.name},
                    "application/atom+xml",
                    reverse(f"articles:{self.kind}_feed_atom", kwargs={"slug": subject.slug}),
                ),
            ]
        counts = self.counts
        context.update(
            {
                "kind": self.kind,
                "subject": subject,
                "filters": {k: v for k, v in self.filters.items() if k != self.kind},
                "heading": heading,
                "topic_choices": Topic.objects.filter(pk__in=counts["topics"]).order_by(
                    f"name_{lang}", "slug"
                ),
                "tag_choices": Tag.objects.filter(pk__in=counts["tags"]).order_by(
                    f"name_{lang}", "slug"
                ),
                "source_choices": Source.objects.filter(pk__in=counts["sources"]).order_by("slug"),
                "page": pagemeta.listing_meta(
                    self.request,
                    heading,
                    description=description,
                    feeds=feeds,
                    noindex=bool(self.filters and not self.kind) or context["page_obj"].number > 1,
                ),
            }
        )
        return context


def search_view(request):
    lang = get_language()
    query = search.clean_query(request.GET.get("q", ""))
    results, page_obj, too_long = [], None, search.is_too_long(request.GET.get("q", ""))
    if query:
        found = Article.objects.for_readers_in(lang).select_related("source").search(query, lang)
        paginator = BoundedPaginator(found, PAGE_SIZE, max_items=search.text.MAX_RESULTS)
        page_obj = paginator.get_page(request.GET.get("page"))
        results = search.with_highlights(list(page_obj.object_list), query, lang)
    context = {
        "query": query,
        "results": results,
        "page_obj": page_obj,
        "too_long": too_long,
        "page": pagemeta.listing_meta(request, _("Search"), noindex=True),
    }
    return TemplateResponse(request, "articles/search.html", context)


def favicon(request):
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        *(f"Disallow: /{lang}/search/" for lang in LANGUAGE_CODES),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def cached_original(request, slug):
    """The sanitised cached copy of an update's original, when its source allows it.

    Not for search engines: ``noindex`` (here and in ``urls.py``'s X-Robots-Tag), with a
    canonical link to the original.
    """
    from newsroom.ingest.cleaning import clean_html

    lang = get_language()
    article = _find_published(slug, lang)
    if article is None or not article.shows_cached_original():
        raise Http404(_("There is no cached original at this address."))
    own_url = reverse("articles:original", kwargs={"slug": _own_slug(article, lang)})
    if own_url != request.path:
        return redirect(own_url, permanent=True)
    title = article.original_title or article.original_url
    page = pagemeta.listing_meta(
        request, _("Cached original: %(title)s") % {"title": title}, noindex=True
    )
    page.canonical = article.original_url
    page.alternates = []
    context = {
        "article": article,
        "original_title": title,
        "original_html": mark_safe(  # noqa: S308  (sanitised just now, as at import)
            clean_html(article.original_text, base_url=article.original_url)
        ),
        "update_title": article.title_in(content_language(article, lang)),
        "page": page,
    }
    return TemplateResponse(request, "articles/article_original.html", context)


def _own_slug(article, lang):
    return article.slug_in(lang) or article.slug_in(article.source_language)
