"""Public pages for updates. Views stay thin: reads are QuerySet methods."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from .models import Article
from .rendering import render_markdown


def article_context(article, lang, *, preview=False):
    """What the update page shows, for the public view and the admin preview alike."""
    return {
        "article": article,
        "lang": lang,
        "preview": preview,
        "title": getattr(article, f"title_{lang}") or article.title_in(article.source_language),
        "body_html": render_markdown(getattr(article, f"body_{lang}")),
        "signals": [s for s in article.signals.all() if getattr(s, f"text_{lang}")],
        "tags": list(article.tags.all()),
        "topics": list(article.topics.all()),
    }


def article_detail(request, slug):
    lang = get_language()
    article = get_object_or_404(Article.objects.published(), **{f"slug_{lang}": slug})
    return TemplateResponse(request, "articles/article_detail.html", article_context(article, lang))
