"""Template helpers for the public site."""

from django import template
from django.utils.translation import get_language

from newsroom.languages import info

register = template.Library()


@register.filter
def in_lang(obj, name):
    """``{{ article|in_lang:"title" }}``: the field in the page's language, no fallback."""
    return getattr(obj, f"{name}_{get_language()}", "") or ""


@register.filter
def first_signal(article):
    """The first editorial signal in the page's language (signals are prefetched)."""
    for signal in article.signals.all():
        text = getattr(signal, f"text_{get_language()}", "")
        if text:
            return text
    return ""


@register.simple_tag
def og_locale(lang):
    return info(lang).og_locale
