"""What an exported update holds, gathered once for Word and PDF alike."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import translation
from django.utils.formats import date_format

from newsroom.languages import info


@dataclass
class Attribution:
    source_name: str = ""
    original_title: str = ""
    original_url: str = ""
    original_author: str = ""
    original_published_at: datetime | None = None


@dataclass
class ExportDocument:
    lang: str  # the page's language: labels and dates
    content_lang: str  # the language of the text (differs on a fallback page)
    title: str
    url: str
    slug: str
    relevance: str = ""
    published_at: datetime | None = None
    signals: list = field(default_factory=list)
    summary: str = ""
    summary_machine_assisted: bool = False
    body_html: str = ""
    corrections: list = field(default_factory=list)  # (datetime, text)
    attribution: Attribution = field(default_factory=Attribution)
    is_fallback: bool = False
    is_draft: bool = False

    def date(self, value):
        with translation.override(self.lang):
            return date_format(value, "DATE_FORMAT") if value else ""

    @property
    def language_name(self):
        return info(self.content_lang).name


def file_slug(article, shown):
    """The download's file name without extension: the slug of the language shown."""
    return article.slug_in(shown) or article.slug_in(article.source_language) or str(article.pk)


def filename(article, lang, fmt, *, preview=False):
    """The download's file name, known without building the document."""
    from newsroom.articles.views import content_language

    return f"{file_slug(article, content_language(article, lang, preview=preview))}.{fmt}"


def build(article, lang, *, url, preview=False):
    """The export of ``article`` as a reader of ``lang`` gets it (``preview``: any state)."""
    from newsroom.articles.views import article_text

    with translation.override(lang):
        context = article_text(article, lang, preview=preview)
        source_name = str(article.source.name) if article.source_id else ""
    shown = context["content_lang"]
    return ExportDocument(
        lang=lang,
        content_lang=shown,
        title=context["title"],
        url=url,
        slug=file_slug(article, shown),
        relevance=context["relevance"],
        published_at=article.publish_at if article.is_published() else None,
        signals=list(context["signals"]),
        summary=context["summary"],
        summary_machine_assisted=article.summary_machine_assisted,
        body_html=str(context["body_html"]),
        corrections=[
            (c.corrected_at, getattr(c, f"text_{shown}", "") or c.text)
            for c in context["corrections"]
        ],
        attribution=Attribution(
            source_name=source_name,
            original_title=article.original_title,
            original_url=article.original_url,
            original_author=article.original_author,
            original_published_at=article.original_published_at,
        ),
        is_fallback=context["is_fallback"],
        is_draft=not article.is_published(),
    )
