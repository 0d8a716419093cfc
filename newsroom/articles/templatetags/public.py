"""Template helpers for the public site."""

from django import template
from django.utils.translation import get_language

from newsroom.articles.images import renditions_for
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


@register.inclusion_tag("includes/picture.html")
def picture(article, sizes="100vw", eager=False, alt=None, css_class=""):
    """A responsive ``<picture>`` of the update's image (WebP and a fallback, both in srcset).

    ``alt`` defaults to the image description in the page's language; pictures load
    lazily unless ``eager`` (the ones above the fold).
    """
    if alt is None:
        alt = in_lang(article, "image_alt")
    return {
        "image": renditions_for(article.image, article.image_width, article.image_height),
        "sizes": sizes,
        "lazy": not eager,
        "alt": alt,
        "css_class": css_class,
    }
