"""What goes into a public page's <head>: canonical URL, hreflang alternates, Open Graph,
feed autodiscovery, the language switcher, and JSON-LD for an update.

Views build one ``PageMeta`` and hand it to ``base.html`` as ``page``.
"""

import json
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.languages import LANGUAGE_CODES, info


@dataclass
class Link:
    lang: str
    url: str


@dataclass
class Feed:
    title: str
    mime: str
    url: str


@dataclass
class PageMeta:
    title: str
    description: str = ""
    canonical: str = ""
    alternates: list = field(default_factory=list)  # hreflang links, x-default last
    switch: list = field(default_factory=list)  # the language switcher: other languages
    feeds: list = field(default_factory=list)
    og_type: str = "website"
    og_image: str = ""
    og_locale: str = ""  # the language of the text shown, when not the page's own
    noindex: bool = False
    jsonld: str = ""


def _unprefixed(url, lang):
    """``/en/updates/x/`` → ``/updates/x/``: the address that picks the reader's language."""
    return url.replace(f"/{lang}/", "/", 1)


def site_feeds(request, lang, extra=()):
    with translation.override(lang):
        feeds = [
            *extra,
            Feed(_("All updates (RSS)"), "application/rss+xml", reverse("articles:feed_rss")),
            Feed(_("All updates (Atom)"), "application/atom+xml", reverse("articles:feed_atom")),
        ]
    return [Feed(f.title, f.mime, request.build_absolute_uri(f.url)) for f in feeds]


def language_links(request, urls):
    """hreflang alternates (with x-default) and the switcher, from ``{lang: path}``.

    ``urls`` holds only the languages the page really exists in.
    """
    alternates = [Link(lang, request.build_absolute_uri(url)) for lang, url in urls.items()]
    default = settings.LANGUAGE_CODE
    if default in urls:
        alternates.append(
            Link("x-default", request.build_absolute_uri(_unprefixed(urls[default], default)))
        )
    return alternates


def switcher(urls, query=""):
    """Links to the other languages; ``query`` (filters, search terms) goes along."""
    current = get_language()
    suffix = f"?{query}" if query else ""
    return [
        Link(lang, url + suffix)
        for lang, url in urls.items()
        if lang != current and lang in LANGUAGE_CODES
    ]


def robots_noindex(view):
    """Send ``X-Robots-Tag: noindex`` with every response of ``view``, cached ones included
    (the cache keeps only the body, so the header is added outside it)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


def listing_meta(request, title, *, description="", feeds=(), noindex=False):
    """Meta for a page that exists under the same path in every language."""
    urls = {lang: translate_url(request.path, lang) for lang in LANGUAGE_CODES}
    return PageMeta(
        title=title,
        description=description,
        canonical=request.build_absolute_uri(request.path),
        alternates=[] if noindex else language_links(request, urls),
        switch=switcher(urls, request.GET.urlencode()),
        feeds=site_feeds(request, get_language(), feeds),
        noindex=noindex,
    )


def article_meta(request, article, content):
    """Meta for an update page; ``content`` is the context from ``views.article_context``."""
    lang = get_language()
    readable = {
        code: article.get_absolute_url(code) for code in LANGUAGE_CODES if article.reads_in(code)
    }
    all_urls = {code: article.get_absolute_url(code) for code in LANGUAGE_CODES}
    canonical_lang = lang if lang in readable else article.source_language
    image = request.build_absolute_uri(article.image.url) if article.image else ""
    canonical = request.build_absolute_uri(all_urls[canonical_lang])
    description = content["meta_description"]
    return PageMeta(
        title=content["title"],
        description=description,
        canonical=canonical,
        alternates=language_links(request, readable),
        switch=switcher(all_urls),
        feeds=site_feeds(request, lang),
        og_type="article",
        og_image=image,
        og_locale=content["content_lang"],
        jsonld=news_article_jsonld(article, content, canonical, image, request),
    )


def news_article_jsonld(article, content, url, image, request):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": content["title"][:110],
        "description": content["meta_description"],
        "inLanguage": info(content["content_lang"]).speech_voice,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": article.updated_at.isoformat() if article.updated_at else None,
        "keywords": [tag.name for tag in content["tags"]],
        "articleSection": [topic.name for topic in content["topics"]],
        "publisher": {
            "@type": "Organization",
            "name": _("Newsroom"),
            "url": request.build_absolute_uri("/"),
        },
    }
    if image:
        data["image"] = [image]
    if article.original_url:
        data["isBasedOn"] = article.original_url
    data = {key: value for key, value in data.items() if value not in (None, "", [])}
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(text)  # noqa: S308  (JSON with <, > and & escaped, like json_script)
