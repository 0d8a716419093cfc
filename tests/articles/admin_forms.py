"""Build the POST data of the update change form, as a browser would send it."""

from django.urls import reverse
from django.utils import timezone

from newsroom.articles.models import Article
from newsroom.articles.translation import ArticleTranslationOptions

TRANSLATED = ArticleTranslationOptions.fields  # every field the form has per language
PLAIN = ("original_title", "original_url", "original_author", "original_text")
INLINES = ("outgoing_links", "incoming_links", "corrections", "key_points")


def _value(value):
    return "" if value is None else value


def article_form_data(article=None, *, signals=None, **overrides):
    """Form data for ``article`` (or an empty add form), with field ``overrides``.

    ``signals`` is a list of ``(text_en, text_nl)``; for an existing update, its
    current signals are sent unchanged unless ``signals`` replaces their texts.
    """
    data = {"source_language": "en", "translation_progress": "draft", "edit_version": ""}
    for name in TRANSLATED:
        for lang in ("en", "nl"):
            data[f"{name}_{lang}"] = ""
    for name in PLAIN:
        data[name] = ""
    for name in ("publish_at", "embargo_until", "original_published_at", "original_cached_at"):
        data[f"{name}_0"] = data[f"{name}_1"] = ""
    data["tags"] = ""

    existing = []
    if article is not None:
        article = Article.objects.get(pk=article.pk)
        for name in TRANSLATED:
            for lang in ("en", "nl"):
                data[f"{name}_{lang}"] = _value(getattr(article, f"{name}_{lang}"))
        for name in PLAIN:
            data[name] = _value(getattr(article, name))
        for name in ("publish_at", "embargo_until", "original_published_at", "original_cached_at"):
            value = getattr(article, name)
            if value is not None:
                value = timezone.localtime(value)
                data[f"{name}_0"] = value.strftime("%Y-%m-%d")
                data[f"{name}_1"] = value.strftime("%H:%M:%S")
        data["source_language"] = article.source_language
        data["translation_progress"] = article.translation_progress
        data["edit_version"] = article.version
        data["tags"] = ", ".join(t.name for t in article.tags.all())
        data["topics"] = [t.pk for t in article.topics.all()]
        if article.source_id:
            data["source"] = article.source_id
        existing = list(article.signals.all())
        for prefix in INLINES:
            data.update(_empty_management(prefix))
        corrections = list(article.corrections.all())
        data["corrections-TOTAL_FORMS"] = data["corrections-INITIAL_FORMS"] = len(corrections)
        for i, c in enumerate(corrections):
            data[f"corrections-{i}-id"] = c.pk
            data[f"corrections-{i}-article"] = article.pk
            data[f"corrections-{i}-text_en"] = c.text_en or ""
            data[f"corrections-{i}-text_nl"] = c.text_nl or ""
            data[f"corrections-{i}-corrected_at_0"] = c.corrected_at.strftime("%Y-%m-%d")
            data[f"corrections-{i}-corrected_at_1"] = c.corrected_at.strftime("%H:%M:%S")
        outgoing = list(article.outgoing_links.all())
        data["outgoing_links-TOTAL_FORMS"] = data["outgoing_links-INITIAL_FORMS"] = len(outgoing)
        for i, link in enumerate(outgoing):
            data[f"outgoing_links-{i}-id"] = link.pk
            data[f"outgoing_links-{i}-from_article"] = article.pk
            data[f"outgoing_links-{i}-to_article"] = link.to_article_id
            data[f"outgoing_links-{i}-kind"] = link.kind
        points = list(article.key_points.all())
        data["key_points-TOTAL_FORMS"] = data["key_points-INITIAL_FORMS"] = len(points)
        for i, point in enumerate(points):
            data[f"key_points-{i}-id"] = point.pk
            data[f"key_points-{i}-article"] = article.pk
            data[f"key_points-{i}-position"] = point.position
            data[f"key_points-{i}-text_en"] = point.text_en or ""
            data[f"key_points-{i}-text_nl"] = point.text_nl or ""
        incoming = list(article.incoming_links.all())
        data["incoming_links-TOTAL_FORMS"] = data["incoming_links-INITIAL_FORMS"] = len(incoming)
        for i, link in enumerate(incoming):
            data[f"incoming_links-{i}-id"] = link.pk
            data[f"incoming_links-{i}-to_article"] = article.pk
    else:
        for prefix in INLINES:
            data.update(_empty_management(prefix))

    texts = signals if signals is not None else [(s.text_en, s.text_nl) for s in existing]
    data["signals-TOTAL_FORMS"] = len(texts)
    data["signals-INITIAL_FORMS"] = min(len(existing), len(texts))
    data["signals-MAX_NUM_FORMS"] = 5
    for i, (text_en, text_nl) in enumerate(texts):
        if i < len(existing):
            data[f"signals-{i}-id"] = existing[i].pk
            data[f"signals-{i}-article"] = article.pk
        data[f"signals-{i}-position"] = i
        data[f"signals-{i}-text_en"] = text_en or ""
        data[f"signals-{i}-text_nl"] = text_nl or ""

    data.update(overrides)
    return data


def _empty_management(prefix):
    return {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}


def add_url():
    return reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def changelist_url():
    return reverse("admin:articles_article_changelist")


def form_errors(response):
    """All error texts the admin shows on a re-displayed form."""
    errors = []
    context = response.context
    if context is None:
        return errors
    adminform = context.get("adminform")
    if adminform is not None:
        for field_errors in adminform.form.errors.values():
            errors.extend(str(e) for e in field_errors)
    for formset in context.get("inline_admin_formsets", []):
        errors.extend(str(e) for e in formset.formset.non_form_errors())
        for form_errors_ in formset.formset.errors:
            for field_errors in form_errors_.values():
                errors.extend(str(e) for e in field_errors)
    return errors
